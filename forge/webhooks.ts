import { randomUUID } from "node:crypto";
import { afterResponse, currentRequest } from "./after-response";
import type { Forge } from "./forge";
import type { HookRec, RepoRec } from "./types";
import { deliver } from "./webhook-deliver";
import { hookMatches } from "./webhook-events";

// Webhook tasks (FACTS §1, §3): one task per matching active hook — the repo's
// hooks first, then the owner org's — sent asynchronously, never retried.
// The tasks one request causes form a burst, released once its response has
// gone out; `behaviour.webhookOrder` says how a burst is sent (behaviour.ts):
// Gitea's queue promises no order, and tests can force a reordering.

export interface Delivery {
  id: number;
  uuid: string;
  hook_id: number;
  hook_scope: "repository" | "organization";
  url: string;
  event: string;
  event_type: string;
  repository: string;
  status: "pending" | "delivered" | "failed" | "dropped";
  response_status: number | null;
  error: string | null;
  created_at: string;
  delivered_at: string | null;
  duration_ms: number | null;
  body: string;
}

type Task = { hook: HookRec; d: Delivery };

const MAX_LOG = 1000;

function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

export class Webhooks {
  paused = false;
  /** Set by close(): nothing more is sent, as when a Gitea process stops. */
  private closed = false;
  readonly log: Delivery[] = [];
  private seq = 0;
  /** Bursts being gathered, per request; `outside` for work outside a request (timers). */
  private bursts = new WeakMap<object, Task[]>();
  private outside: Task[] | null = null;
  /** Per-hook chains (`ordered`) and the one chain of reordered bursts. */
  private chains = new Map<number | "bursts", Promise<void>>();
  private inflight = new Set<Promise<void>>();

  constructor(
    private readonly forge: Forge,
    private readonly verbose: boolean,
  ) {}

  /** Queues `eventType` for every matching hook; `orgOnly` for repository events. */
  emit(repo: RepoRec, eventType: string, payload: object, opts: { branch?: string; orgOnly?: boolean } = {}): void {
    const body = JSON.stringify(payload, null, 2);
    const hooks = this.forge.store.state.hooks;
    const repoHooks = opts.orgOnly ? [] : hooks.filter((h) => h.repoId === repo.id);
    const orgHooks = hooks.filter((h) => h.orgId !== null && h.orgId === repo.ownerId);
    for (const hook of [...repoHooks, ...orgHooks]) {
      if (!hook.active || !hookMatches(hook, eventType, opts.branch)) continue;
      this.enqueue(hook, repo, eventType, body);
    }
  }

  private enqueue(hook: HookRec, repo: RepoRec, eventType: string, body: string): void {
    const d: Delivery = {
      id: ++this.seq,
      uuid: randomUUID(),
      hook_id: hook.id,
      hook_scope: hook.orgId !== null ? "organization" : "repository",
      url: hook.url,
      event: coarseEvent(eventType),
      event_type: eventType,
      repository: `${repo.ownerName}/${repo.name}`,
      status: this.paused ? "dropped" : "pending",
      response_status: null,
      error: this.paused ? "webhook deliveries paused" : null,
      created_at: new Date().toISOString(),
      delivered_at: null,
      duration_ms: null,
      body,
    };
    this.log.push(d);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    if (this.paused) return;
    const request = currentRequest();
    let burst = request ? this.bursts.get(request) : this.outside;
    if (!burst) {
      const tasks: Task[] = [];
      burst = tasks;
      if (request) this.bursts.set(request, tasks);
      else this.outside = tasks;
      // Registered now, while the request that caused the event is still in
      // scope: a burst registered after that response went out would never start.
      const released = new Promise<void>((r) => afterResponse(r)).then(() => {
        if (this.outside === tasks) this.outside = null;
        return this.sendBurst(tasks);
      });
      this.track(released);
    }
    burst.push({ hook: { ...hook }, d });
  }

  private track(p: Promise<void>): void {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }

  private chain(key: number | "bursts", fn: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(key) ?? Promise.resolve()).then(fn);
    this.chains.set(key, next);
    void next.finally(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
    return next;
  }

  private async sendBurst(burst: Task[]): Promise<void> {
    const order = this.forge.behaviour.webhookOrder;
    if (order === "concurrent") {
      await Promise.all(burst.map((t) => this.send(t)));
    } else if (order === "ordered") {
      await Promise.all(burst.map((t) => this.chain(t.hook.id, () => this.send(t))));
    } else {
      const list = order === "reverse" ? [...burst].reverse() : shuffle([...burst]);
      await this.chain("bursts", async () => {
        for (const t of list) await this.send(t);
      });
    }
  }

  private async send({ hook, d }: Task): Promise<void> {
    if (this.closed) {
      [d.status, d.error] = ["dropped", "the forge stopped"];
      return;
    }
    const started = Date.now();
    const result = await deliver(hook, d, this.forge.gitea);
    d.status = result.ok ? "delivered" : "failed";
    d.response_status = result.status;
    d.error = result.error;
    d.delivered_at = new Date().toISOString();
    d.duration_ms = Date.now() - started;
    if (this.verbose) console.log(`[forge] webhook ${d.event_type} → ${hook.url}: ${result.status ?? result.error}`);
  }

  /** Resolves once every queued delivery has been attempted. */
  async flush(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

  /** Sends nothing more and waits for the deliveries under way: after it, no delivery of this forge reaches a receiver. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  clear(): void {
    this.log.length = 0;
  }
}

/** X-Gitea-Event: every pull_request_* type except reviews → pull_request (FACTS §1). */
export function coarseEvent(eventType: string): string {
  if (eventType === "pull_request_comment") return "issue_comment";
  if (eventType.startsWith("pull_request_review_")) return `pull_request_${eventType.slice("pull_request_review_".length)}`;
  if (eventType.startsWith("pull_request")) return "pull_request";
  if (eventType === "issue_comment") return "issue_comment";
  if (eventType.startsWith("issue")) return "issues";
  return eventType;
}

import { randomUUID } from "node:crypto";
import { afterResponse } from "./after-response";
import type { Store } from "./store";
import type { HookRec, RepoRec } from "./types";
import { deliver } from "./webhook-deliver";
import { hookMatches } from "./webhook-events";

// Webhook tasks (FACTS §1, §3): one task per matching active hook — the repo's
// hooks first, then the owner org's — sent asynchronously, never retried.

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

const MAX_LOG = 1000;

export class Webhooks {
  paused = false;
  readonly log: Delivery[] = [];
  private seq = 0;
  private chains = new Map<number, Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly verbose: boolean,
  ) {}

  /** Queues `eventType` for every matching hook; `orgOnly` for repository events. */
  emit(repo: RepoRec, eventType: string, payload: object, opts: { branch?: string; orgOnly?: boolean } = {}): void {
    const body = JSON.stringify(payload, null, 2);
    const repoHooks = opts.orgOnly ? [] : this.store.state.hooks.filter((h) => h.repoId === repo.id);
    const orgHooks = this.store.state.hooks.filter((h) => h.orgId !== null && h.orgId === repo.ownerId);
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
    const hookCopy = { ...hook };
    const previous = this.chains.get(hook.id) ?? Promise.resolve();
    // Registered now, while the request that caused the event is still in
    // scope: a hook registered after that response went out would never start.
    const responded = new Promise<void>((r) => afterResponse(r));
    const next = previous.then(() => responded).then(() => this.send(hookCopy, d));
    this.chains.set(hook.id, next);
    void next.finally(() => {
      if (this.chains.get(hook.id) === next) this.chains.delete(hook.id);
    });
  }

  private async send(hook: HookRec, d: Delivery): Promise<void> {
    const started = Date.now();
    const result = await deliver(hook, d);
    d.status = result.ok ? "delivered" : "failed";
    d.response_status = result.status;
    d.error = result.error;
    d.delivered_at = new Date().toISOString();
    d.duration_ms = Date.now() - started;
    if (this.verbose) console.log(`[forge] webhook ${d.event_type} → ${hook.url}: ${result.status ?? result.error}`);
  }

  /** Resolves once every queued delivery has been attempted. */
  async flush(): Promise<void> {
    while (this.chains.size) await Promise.all([...this.chains.values()]);
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

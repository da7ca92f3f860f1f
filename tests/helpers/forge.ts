import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { behaviourFromEnv, type Behaviour } from "@/forge/behaviour";
import { settleBackground } from "@/lib/background";
import { bootstrapForge, type BootstrapResult } from "@/forge/bootstrap";
import { giteaProfile, GITEA_VERSIONS, type GiteaVersion } from "@/forge/profile";
import { startForge, type ForgeHandle } from "@/forge/server";

// A fresh, bootstrapped local forge on a random port with a temporary data
// folder, for integration tests (docs/ARCHITECTURE.md "Tests"). It behaves
// like the Gitea release `gitea` names (FORGE_GITEA_VERSION when not given,
// else the newest); suites that touch what differs run once per release
// with `describe.each(FORGE_PROFILES)`.

/** Both Gitea releases the forge can be (forge/profile.ts). */
export const FORGE_PROFILES: GiteaVersion[] = [...GITEA_VERSIONS];

export interface TestForge extends ForgeHandle, BootstrapResult {
  /** The bootstrap result again, as one object. */
  bootstrap: BootstrapResult;
  dataDir: string;
  appUrl: string;
  webhookSecret: string;
  /** fetch against the /_forge admin routes with the site-admin token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  /** fetch against the forge (path relative to its URL, e.g. "/api/v1/version"); token defaults to the bot's. */
  api(path: string, init?: RequestInit, token?: string | null): Promise<Response>;
  /** Waits until every queued webhook delivery has been attempted. */
  flushWebhooks(): Promise<void>;
  /** Runs the queued mergeability checks now (FACTS §7.2) and waits for them. */
  drainChecks(): Promise<void>;
  /** Holds the next matching request (forge/faults.ts `hold`) until `release`; `fired` says whether one was held. */
  hold(method: string, path: string): Promise<HeldRoute>;
  /** The Gitea release this forge behaves like. */
  gitea: GiteaVersion;
  stop(): Promise<void>;
}

export type HeldRoute = { release(): Promise<void>; fired(): Promise<boolean> };

// The forges this test file started and has not stopped yet, stopped after
// its tests whatever happened: a fixture that throws half-way (after its
// forge started) must not leave a listening server that keeps Jest from
// exiting. Outside a test file (the e2e global setup) there is no afterAll.
const running = new Set<{ stop(): Promise<void> }>();
if (typeof afterAll === "function") {
  afterAll(async () => {
    for (const forge of [...running]) await forge.stop();
  });
}

export interface TestForgeOptions {
  appUrl?: string;
  webhookSecret?: string;
  log?: boolean;
  gitea?: GiteaVersion;
  behaviour?: Partial<Behaviour>;
}

export async function startTestForge(opts: TestForgeOptions = {}): Promise<TestForge> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "quorum-forge-"));
  const gitea = giteaProfile(opts.gitea ?? process.env.FORGE_GITEA_VERSION).version;
  const behaviour = { ...behaviourFromEnv(process.env), ...opts.behaviour };
  const handle = await startForge({ port: 0, dataDir, log: opts.log ?? false, giteaVersion: gitea, behaviour });
  const appUrl = opts.appUrl ?? "http://127.0.0.1:9";
  const webhookSecret = opts.webhookSecret ?? "test-webhook-secret";
  try {
    const boot = await bootstrapForge({ url: handle.url, adminToken: handle.adminToken, appUrl, webhookSecret });
    const withAuth = (init: RequestInit | undefined, token: string | null) => {
      const headers = new Headers(init?.headers);
      if (token && !headers.has("authorization")) headers.set("authorization", `token ${token}`);
      if (init?.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
      return { ...init, headers };
    };
    const forge: TestForge = {
      ...handle,
      ...boot,
      bootstrap: boot,
      dataDir,
      appUrl,
      webhookSecret,
      admin: (p, init) => fetch(`${handle.url}/_forge${p.startsWith("/") ? p : `/${p}`}`, withAuth(init, handle.adminToken)),
      api: (p, init, token) => fetch(`${handle.url}${p}`, withAuth(init, token === undefined ? boot.botToken : token)),
      flushWebhooks: () => handle.forge.webhooks.flush(),
      drainChecks: () => handle.forge.pullQueue.drain(),
      async hold(method, p) {
        const res = await forge.admin("/faults", { method: "POST", body: JSON.stringify({ method, path: p, hold: true }) });
        if (res.status !== 201) throw new Error(`holding ${method} ${p} → ${res.status} ${await res.text()}`);
        const { id } = (await res.json()) as { id: number };
        return {
          async release() {
            const done = await forge.admin(`/faults/${id}/release`, { method: "POST" });
            if (done.status !== 204) throw new Error(`releasing ${method} ${p} → ${done.status}`);
          },
          fired: async () => ((await (await forge.admin("/faults")).json()) as { id: number; fired: number }[]).some((f) => f.id === id && f.fired > 0),
        };
      },
      gitea,
      async stop() {
        if (!running.delete(forge)) return; // stopped already
        await settleBackground(); // the app's work that still talks to this forge ends first
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
    running.add(forge);
    return forge;
  } catch (err) {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** Another forge user (beyond the demo users) with an all-scopes token, made by the site admin. */
export async function addForgeUser(forge: TestForge, login: string): Promise<{ token: string }> {
  const post = async (path: string, body: unknown) => {
    const res = await forge.api(path, { method: "POST", body: JSON.stringify(body) }, forge.adminToken);
    if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  await post("/api/v1/admin/users", { username: login, email: `${login}@forge.local`, password: `pw-${login}-123456`, must_change_password: false });
  const token = await post(`/api/v1/users/${login}/tokens`, { name: "test", scopes: ["all"] });
  return { token: String(token.sha1) };
}

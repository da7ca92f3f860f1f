import { actorFrom, type BotActor } from "@/lib/bot/actor";
import { whenIdle } from "@/lib/cache/refresh-queue";
// useAppEnv is a plain function, not a React hook: aliased so the hooks lint rule does not misfire.
import { useAppEnv as pointAppAtForge } from "@/tests/helpers/app-env";
import { startAppServer, type AppServer } from "@/tests/helpers/app-server";
import { createTestDatabase } from "@/tests/helpers/db";
import { startTestForge, type TestForge, type TestForgeOptions } from "@/tests/helpers/forge";
import { ensureUser } from "@/tests/helpers/session";

// One test file's world: a temp SQLite file, the in-process app server
// (webhook route) and a fresh forge whose org webhook points at it.

export type CacheFixture = {
  forge: TestForge;
  app: AppServer;
  actor(login: string, role?: "admin" | "contributor"): Promise<BotActor>;
  /** Waits for every webhook the forge queued and every refresh they caused. */
  settle(): Promise<void>;
  pauseWebhooks(): Promise<void>;
  resumeWebhooks(): Promise<void>;
  forgeRequests(): Promise<number>;
  resetForgeRequests(): Promise<void>;
  close(): Promise<void>;
};

/** `forge`: the Gitea release and behaviour of the forge (tests/helpers/forge.ts). */
export async function startCacheFixture(opts: { forge?: Pick<TestForgeOptions, "gitea" | "behaviour"> } = {}): Promise<CacheFixture> {
  const database = createTestDatabase();
  const app = await startAppServer();
  const forge = await startTestForge({ appUrl: app.url, ...opts.forge });
  pointAppAtForge(forge);
  const adminPost = async (path: string) => {
    const res = await forge.admin(path, { method: "POST" });
    if (!res.ok) throw new Error(`${path} → ${res.status}`);
  };
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await forge.flushWebhooks();
      await whenIdle();
    }
  };
  return {
    forge,
    app,
    actor: async (login, role) => actorFrom(await ensureUser({ login, role, name: login[0].toUpperCase() + login.slice(1) })),
    settle,
    pauseWebhooks: () => adminPost("/webhooks/pause"),
    resumeWebhooks: () => adminPost("/webhooks/resume"),
    forgeRequests: async () => ((await (await forge.admin("/requests")).json()) as { total: number }).total,
    resetForgeRequests: () => adminPost("/requests/reset"),
    async close() {
      await settle().catch(() => undefined);
      await forge.stop();
      await app.close();
      await database.close();
    },
  };
}

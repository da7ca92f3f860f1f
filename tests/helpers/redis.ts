import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Redis from "ioredis";
import { freePort } from "../e2e/harness/app-server";
import { waitUntil } from "./wait";

// A Redis of the test's own (issue 19): Debian's redis-server (.ci/run
// installs it) on a free port with a temporary folder, nothing saved to disk,
// stopped by its process id — never a system service.

export type TestRedis = { url: string; client: Redis; stop(): Promise<void> };

export async function startTestRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "quorum-redis-"));
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 200 });
  client.on("error", () => undefined); // until it listens
  try {
    await waitUntil(
      async () => {
        if (exited !== null) throw new Error(`redis-server exited with ${exited}`);
        if (client.status !== "ready") await client.connect().catch(() => undefined);
        return (await client.ping()) === "PONG";
      },
      { timeoutMs: 30_000, what: `redis-server on port ${port}`, failFast: (e) => (e as Error).message.startsWith("redis-server exited") },
    );
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      if (exited === null) {
        child.kill("SIGTERM");
        await waitUntil(() => exited !== null, { timeoutMs: 10_000, what: "redis-server to stop" }).catch(() => child.kill("SIGKILL"));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { waitUntil } from "../../helpers/wait";

// `next start` for the browser tests, in its own process group so teardown
// can stop it and everything it spawned by its id.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

class ExitError extends Error {}

export type AppServer = { pid: number; url: string; logFile: string };

/**
 * The node flags of `npm start` (package.json), so that the browser tests
 * and the benches run the production server as a team does: the flags live
 * there alone. --heap-growing-percent is one NODE_OPTIONS refuses.
 */
export function productionNodeFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const flags = /^node((?: --\S+)*) node_modules\/next\/dist\/bin\/next start$/.exec(pkg.scripts.start);
  if (!flags) throw new Error(`npm start is not "node [--flags] node_modules/next/dist/bin/next start": ${pkg.scripts.start}`);
  return flags[1].split(" ").filter(Boolean);
}

/** `nodeArgs`: more flags for the node running `next start` (the bench's BENCH_APP_NODE_ARGS, e.g. --cpu-prof, which NODE_OPTIONS refuses). */
export async function startApp(opts: { root: string; distDir: string; port: number; env: NodeJS.ProcessEnv; logFile: string; nodeArgs?: string[] }): Promise<AppServer> {
  const url = `http://127.0.0.1:${opts.port}`;
  const log = createWriteStream(opts.logFile);
  const child: ChildProcess = spawn(
    process.execPath,
    [...productionNodeFlags(opts.root), ...(opts.nodeArgs ?? []), "node_modules/next/dist/bin/next", "start", "-p", String(opts.port), "-H", "127.0.0.1"],
    { cwd: opts.root, env: { ...opts.env, NEXT_DIST_DIR: opts.distDir, NEXT_TELEMETRY_DISABLED: "1" }, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // The tests must not wait on this child's pipes to exit.
  child.unref();
  if (!child.pid) throw new Error("next start did not start");
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));

  const pid = child.pid;
  try {
    await waitUntil(
      async () => {
        if (exited !== null) throw new ExitError(`next start exited with ${exited}; see ${opts.logFile}`);
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null); // not listening yet
        return res?.ok;
      },
      { timeoutMs: 180_000, intervalMs: 500, what: `the app to become healthy at ${url}/api/health (see ${opts.logFile})`, failFast: (err) => err instanceof ExitError },
    );
  } catch (err) {
    await stopApp(pid);
    throw err;
  }
  return { pid: child.pid, url, logFile: opts.logFile };
}

/** Stops the app's process group (the id we started, never a name) and waits for it. */
export async function stopApp(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-pid, "SIGTERM");
  const stopped = await waitUntil(() => !alive(), { timeoutMs: 10_000, intervalMs: 100, what: `process group ${pid} to stop` }).catch(() => false);
  if (!stopped) process.kill(-pid, "SIGKILL");
}

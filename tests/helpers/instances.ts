import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import { waitUntil } from "./wait";

// App instances in processes of their own (issue 19): each runs the app's
// route handlers, bus, locks and reconciler (tests/integration/coordination/
// instance.ts) with the test's environment plus its own variables.

export type Instance = {
  name: string;
  url: string;
  pid: number;
  log: string[];
  /** Whether the process has exited (killed, or by itself at a test crash point). */
  gone(): boolean;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

const root = path.resolve(__dirname, "../..");

export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/integration/coordination/instance.ts"],
    { cwd: root, env: { ...process.env, NODE_ENV: "test", INSTANCE_ID: name, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const log: string[] = [];
  let url: string | null = null;
  let exited: number | null = null;
  // 'close', not 'exit': it comes after the child's output has been read to its end, so the
  // log holds a crash point's last line by the time gone() says so (it did not once in CI).
  child.on("close", (code, signal) => (exited = code ?? (signal ? -1 : 0)));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (!url && line.startsWith("{")) url = (JSON.parse(line) as { url: string }).url;
    else log.push(line);
  });
  createInterface({ input: child.stderr! }).on("line", (line) => log.push(line));
  const gone = () => exited !== null;
  await waitUntil(
    () => {
      if (gone()) throw new Error(`instance ${name} exited with ${exited}:\n${log.join("\n")}`);
      return url;
    },
    { timeoutMs: 120_000, what: `instance ${name} to listen`, failFast: () => gone() },
  );
  return {
    name,
    url: url!,
    pid: child.pid!,
    log,
    gone,
    async kill(signal = "SIGTERM") {
      if (gone()) return;
      child.kill(signal);
      await waitUntil(gone, { timeoutMs: 15_000, what: `instance ${name} to exit` }).catch(() => child.kill("SIGKILL"));
    },
  };
}

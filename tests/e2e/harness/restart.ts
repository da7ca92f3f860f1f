import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startApp, stopApp } from "./app-server";
import { e2eInfo, INFO_ENV, type E2eInfo } from "./info";

// Restarts the app under test on the same port with the same environment
// (a server crash or a deploy in the middle of something), while `between`
// runs with the app down. The info file is updated, so later tests and the
// teardown see the new process.

let restarts = 0;

export async function restartApp(between?: () => Promise<void> | void): Promise<E2eInfo> {
  const info = e2eInfo();
  await stopApp(info.appPid);
  await between?.();
  const env = JSON.parse(readFileSync(info.appEnvFile, "utf8")) as NodeJS.ProcessEnv;
  const root = path.resolve(__dirname, "../../..");
  const logFile = `${info.appLog}.restart-${++restarts}`;
  const app = await startApp({ root, distDir: info.distDir, port: info.appPort, env, logFile });
  const next = { ...info, appPid: app.pid };
  writeFileSync(process.env[INFO_ENV]!, JSON.stringify(next, null, 2));
  return next;
}

import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// What the e2e global setup started, written to a JSON file that test files
// read (they run in other module registries and cannot share globals).

export type E2eInfo = {
  /** The app under test (`next start`), e.g. http://127.0.0.1:41234 */
  appUrl: string;
  /** The local forge serving the API, OAuth and Git. */
  forgeUrl: string;
  /** The forge's admin token (fault injection, token revocation, request log). */
  forgeAdminToken: string;
  botToken: string;
  org: string;
  metaRepo: string;
  webhookSecret: string;
  /** The SQLite file the app uses, for post-mortems: tests go through the app's routes or the forge, never SQL (ESLint enforces it). */
  databaseUrl: string;
  /** The app server's log, for failure messages. */
  appLog: string;
  appPid: number;
  appPort: number;
  /** The app's environment, for a restart (harness/restart.ts). */
  appEnvFile: string;
  /** The movable clock's offset file (lib/clock.ts, QUORUM_TEST_CLOCK_FILE). */
  clockFile: string;
  /** The build `next start` serves (marked in use until teardown). */
  distDir: string;
  /** Temporary folders teardown removes. */
  tempDirs: string[];
};

export const INFO_ENV = "QUORUM_E2E_INFO";

export function defaultInfoPath(): string {
  return path.join(os.tmpdir(), `quorum-e2e-${process.pid}.json`);
}

/** The running e2e environment; throws a clear message outside the e2e project. */
export function e2eInfo(): E2eInfo {
  const file = process.env[INFO_ENV];
  if (!file) throw new Error(`${INFO_ENV} is not set: run this test in the e2e project (jest --selectProjects e2e)`);
  return JSON.parse(readFileSync(file, "utf8")) as E2eInfo;
}

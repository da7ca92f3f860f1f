import { readFileSync, rmSync } from "node:fs";
import { stopApp } from "./harness/app-server";
import { INFO_ENV, type E2eInfo } from "./harness/info";

// Stops what global-setup.ts started: the app by its process-group id, the
// forge through its handle, then removes the temporary files.
export default async function globalTeardown(): Promise<void> {
  const file = process.env[INFO_ENV];
  if (file) {
    try {
      const info = JSON.parse(readFileSync(file, "utf8")) as E2eInfo;
      await stopApp(info.appPid);
      for (const dir of info.tempDirs) rmSync(dir, { recursive: true, force: true });
    } finally {
      rmSync(file, { force: true });
      delete process.env[INFO_ENV];
    }
  }
  const holder = globalThis as { quorumE2eForge?: { close(): Promise<void> } };
  await holder.quorumE2eForge?.close();
  holder.quorumE2eForge = undefined;
}

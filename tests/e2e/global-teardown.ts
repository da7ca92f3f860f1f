import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { stopApp } from "./harness/app-server";
import { releaseBuild } from "./harness/build-store";
import { INFO_ENV, type E2eInfo } from "./harness/info";

// Stops what global-setup.ts started: the app by its process-group id, the
// forge through its handle (which removes its data), then removes the temporary files.
export default async function globalTeardown(): Promise<void> {
  const file = process.env[INFO_ENV];
  if (file) {
    try {
      const info = JSON.parse(readFileSync(file, "utf8")) as E2eInfo;
      await stopApp(info.appPid);
      // The app's log outlives the run for post-mortems (gitignored).
      const artifacts = path.resolve(__dirname, ".artifacts");
      mkdirSync(artifacts, { recursive: true });
      if (existsSync(info.appLog)) copyFileSync(info.appLog, path.join(artifacts, "next-start.log"));
      releaseBuild(path.resolve(__dirname, "../.."), info.distDir);
      for (const dir of info.tempDirs) rmSync(dir, { recursive: true, force: true });
    } finally {
      rmSync(file, { force: true });
      delete process.env[INFO_ENV];
    }
  }
  const holder = globalThis as { quorumE2eForge?: { stop(): Promise<void> } };
  await holder.quorumE2eForge?.stop();
  holder.quorumE2eForge = undefined;
}

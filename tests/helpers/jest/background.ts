import { settleBackground } from "@/lib/background";

// A test file's own work may leave the app's work running off the request's
// path (a webhook's refresh, a merge watch's re-read, an AI reply, a sweep's
// timer, an open stream). It settles here, while the file's forge and
// database still exist: after them, it would fail against a closed database
// and log after Jest tore the file down, which fails the whole run.
afterAll(async () => {
  const left = await settleBackground();
  if (left.length) throw new Error(`background work still running at the end of the file: ${left.join(", ")}`);
});

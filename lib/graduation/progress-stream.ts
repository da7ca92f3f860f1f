import "server-only";
import type { SseSend } from "@/lib/http/sse";
import { liveSnapshot, subscribeProgress } from "./progress-events";
import type { GraduationSnapshot, ProgressEvent } from "./types";
import { isFinished } from "./types";

/**
 * §13.3 progress for one subscriber: a snapshot of all steps first, then
 * every later transition, until the graduation finishes or the client goes.
 * It subscribes before reading the snapshot and drops events the snapshot
 * already holds (by `seq`), so no transition is lost or sent twice.
 */
export async function streamProgress(args: {
  stored: GraduationSnapshot;
  send: SseSend;
  signal: AbortSignal;
}): Promise<void> {
  const { stored, send, signal } = args;
  const queue: ProgressEvent[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = subscribeProgress(stored.slug, (event) => {
    queue.push(event);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    const live = liveSnapshot(stored.slug);
    // The bus is ahead of the row only for the graduation it is running now.
    const snapshot = live && live.graduationId === stored.graduationId ? live : stored;
    send("snapshot", { snapshot });
    if (isFinished(snapshot.status)) {
      send("finished", { snapshot });
      return;
    }
    while (!signal.aborted) {
      const event = queue.shift();
      if (!event) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      if (event.snapshot.graduationId !== snapshot.graduationId || event.snapshot.seq <= snapshot.seq) continue;
      if (event.type === "step") send("step", { step: event.step, snapshot: event.snapshot });
      if (event.type === "finished") {
        send("finished", { snapshot: event.snapshot });
        return;
      }
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
    unsubscribe();
  }
}

import { channel } from "@/lib/coordination/bus";
import type { GraduationSnapshot, ProgressEvent } from "./types";

// The live half of §13.3's progress: the runner publishes every step
// transition on the app's one bus (lib/coordination) and SSE subscribers
// listen by slug. The Graduation row is the other half (store.ts), so a
// subscriber after a restart still gets the final snapshot.

const progress = channel<ProgressEvent>("graduation");

// The latest snapshot this process published per slug: ahead of the row
// while a graduation runs here. On globalThis, shared by every route bundle.
const g = globalThis as unknown as { quorumGraduationLive?: Map<string, GraduationSnapshot> };
const live = (g.quorumGraduationLive ??= new Map());

export function publishProgress(event: ProgressEvent): void {
  live.set(event.snapshot.slug, event.snapshot);
  progress.publish(event.snapshot.slug, event);
}

export const subscribeProgress = (slug: string, listener: (event: ProgressEvent) => void) => progress.subscribe(slug, listener);

/** The latest snapshot this process published for the slug, if any. */
export function liveSnapshot(slug: string): GraduationSnapshot | null {
  return live.get(slug) ?? null;
}

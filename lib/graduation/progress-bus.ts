import { EventEmitter } from "node:events";
import type { GraduationSnapshot, ProgressEvent } from "./types";

// The in-memory half of §13.3's progress: the runner publishes every step
// transition here and SSE subscribers listen by slug. The Graduation row is
// the other half (store.ts), so a subscriber after a restart still gets the
// final snapshot. Kept on globalThis because Next bundles each route
// separately: the POST route and the progress route must share one bus.

type Bus = { emitter: EventEmitter; live: Map<string, GraduationSnapshot> };

const holder = globalThis as unknown as { quorumGraduationBus?: Bus };

function bus(): Bus {
  if (!holder.quorumGraduationBus) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0); // one listener per open dialog; no leak warning
    holder.quorumGraduationBus = { emitter, live: new Map() };
  }
  return holder.quorumGraduationBus;
}

export function publish(event: ProgressEvent): void {
  const { live, emitter } = bus();
  live.set(event.snapshot.slug, event.snapshot);
  emitter.emit(event.snapshot.slug, event);
}

export function subscribe(slug: string, listener: (event: ProgressEvent) => void): () => void {
  const { emitter } = bus();
  emitter.on(slug, listener);
  return () => {
    emitter.off(slug, listener);
  };
}

/** The latest snapshot this process published for the slug, if any. */
export function liveSnapshot(slug: string): GraduationSnapshot | null {
  return bus().live.get(slug) ?? null;
}

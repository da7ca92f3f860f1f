"use client";

import { useEffect, useState } from "react";
import type { GraduationSnapshot } from "@/lib/graduation/types";

/**
 * Follows GET /graduate/progress (§13.3). Every event carries the whole
 * snapshot, so a reconnect (EventSource retries by itself) simply starts
 * again from the server's snapshot; `seq` keeps an older one from winning.
 * State is keyed by the URL: a new run (or none) never shows an old one.
 */
export function useGraduationProgress(streamUrl: string | null) {
  const [state, setState] = useState<{ url: string; snapshot: GraduationSnapshot | null; lost: boolean } | null>(null);

  useEffect(() => {
    if (!streamUrl) return;
    const source = new EventSource(streamUrl);
    const take = (event: MessageEvent<string>) => {
      const next = (JSON.parse(event.data) as { snapshot?: GraduationSnapshot }).snapshot;
      if (!next) return;
      setState((prev) => {
        const old = prev?.url === streamUrl ? prev.snapshot : null;
        const snapshot = old && old.graduationId === next.graduationId && old.seq > next.seq ? old : next;
        return { url: streamUrl, snapshot, lost: false };
      });
    };
    source.addEventListener("snapshot", take);
    source.addEventListener("step", take);
    source.addEventListener("finished", (event) => {
      take(event);
      source.close(); // the stream ends here; without this EventSource would reconnect
    });
    source.onerror = () => {
      if (source.readyState === EventSource.OPEN) return;
      setState((prev) => ({ url: streamUrl, snapshot: prev?.url === streamUrl ? prev.snapshot : null, lost: true }));
    };
    return () => source.close();
  }, [streamUrl]);

  const current = state && state.url === streamUrl ? state : null;
  return { snapshot: current?.snapshot ?? null, lost: !!current?.lost };
}

"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { followVisibility, LiveHub, type LiveHandlers, type LiveStatus } from "@/lib/client/live";

// The page's one live connection (lib/client/live.ts), shared by every
// component under the root layout: the bell in the header and the RFC view's
// chat, cards and flags ride the same EventSource (issue 14), held while the
// tab is shown (a tab hidden for a while lets go of it, lib/client/live.ts).

const Context = createContext<LiveHub | null>(null);

export function LiveProvider({ children }: { children: ReactNode }) {
  const [hub] = useState(() => new LiveHub());
  useEffect(() => {
    const unfollow = followVisibility(hub, document);
    return () => {
      unfollow();
      hub.close();
    };
  }, [hub]);
  return <Context.Provider value={hub}>{children}</Context.Provider>;
}

/** Follows `topic` from `since` (the liveSeq its data was read at); nothing while either is null. */
export function useLiveTopic(topic: string | null, since: number | null, handlers: LiveHandlers): void {
  const hub = useContext(Context);
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!hub || topic === null || since === null) return;
    return hub.subscribe(topic, since, {
      event: (type, data, seq) => latest.current.event(type, data, seq),
      reset: () => latest.current.reset(),
      denied: (message) => latest.current.denied?.(message),
      ready: () => latest.current.ready?.(),
    });
    // Subscribed once per topic: a later `since` (after a reload) is the hook's own business.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hub, topic, since === null]);
}

/** Whether the page's live connection is up, for a quiet "reconnecting…" note. */
export function useLiveStatus(): LiveStatus {
  const hub = useContext(Context);
  const [status, setStatus] = useState<LiveStatus>(hub?.status ?? "connecting");
  useEffect(() => (hub ? hub.onStatus(setStatus) : undefined), [hub]);
  return status;
}

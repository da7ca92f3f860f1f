"use client";

import { useCallback, useRef, useState } from "react";
import { useLiveTopic } from "@/components/live/live-provider";
import type { LifecycleView } from "@/lib/contracts/lifecycle";
import { api, type ApiError } from "@/lib/client/api";
import { rfcTopic } from "@/lib/realtime/topics";

// An RFC's lifecycle as client state (§3): the page's first view, then
// GET …/lifecycle again whenever the server says it changed (the RFC's topic
// on the page's one live connection, for what anyone did) and after the
// viewer's own actions (from their answer). Its `changed` events are not
// logged, so the view is read again whenever the topic is followed anew (the
// connection comes up, or back up): nothing that happened meanwhile is missed.

export const lifecyclePath = (slug: string) => `/api/rfcs/${encodeURIComponent(slug)}`;

export type Act = (path: string, body?: unknown) => Promise<{ ok: true; data: Record<string, unknown> } | ApiError>;

export function useLifecycle(slug: string, initial: LifecycleView) {
  const [view, setView] = useState(initial);
  // The server clock (a test may move it): countdowns agree with the bot that ends the period.
  const [skewMs, setSkewMs] = useState(() => Date.parse(initial.serverNow) - Date.now());
  const seq = useRef(0);

  const accept = useCallback((next: LifecycleView, sent: number) => {
    if (sent < seq.current) return; // an older answer must not overwrite a newer one
    seq.current = sent;
    setView(next);
    setSkewMs(Date.parse(next.serverNow) - Date.now());
  }, []);

  const reload = useCallback(async () => {
    const sent = ++seq.current;
    const res = await api<{ lifecycle: LifecycleView }>(`${lifecyclePath(slug)}/lifecycle`, { cache: "no-store" });
    if (res.ok) accept(res.data.lifecycle, sent);
  }, [slug, accept]);

  useLiveTopic(rfcTopic(slug), 0, {
    event: (type) => {
      if (type === "changed") void reload();
    },
    reset: () => void reload(),
    // Followed from now on (first, or after the connection was down): a change before then was not heard.
    ready: () => void reload(),
  });

  const act: Act = useCallback(
    async (path, body) => {
      const sent = ++seq.current;
      const res = await api<Record<string, unknown> & { lifecycle?: LifecycleView }>(`${lifecyclePath(slug)}${path}`, { method: "POST", json: body ?? {} });
      if (!res.ok) return res;
      if (res.data.lifecycle) accept(res.data.lifecycle, sent);
      return { ok: true as const, data: res.data };
    },
    [slug, accept],
  );

  return { view, reload, act, skewMs };
}

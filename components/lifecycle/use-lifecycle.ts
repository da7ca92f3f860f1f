"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { LifecycleView } from "@/lib/contracts/lifecycle";
import { api, type ApiError } from "@/lib/client/api";

// An RFC's lifecycle as client state (§3): the page's first view, then
// GET …/lifecycle again whenever the server says it changed (SSE, for what
// anyone did) and after the viewer's own actions (from their answer).

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

  useEffect(() => {
    const source = new EventSource(`${lifecyclePath(slug)}/lifecycle/events`);
    // "ready" also follows a reconnect: read again in case something happened meanwhile.
    source.addEventListener("ready", () => void reload());
    source.addEventListener("changed", () => void reload());
    return () => source.close();
  }, [slug, reload]);

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

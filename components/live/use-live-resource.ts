"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/client/api";
import { useLiveTopic } from "./live-provider";

// A read that stays current (issue 14 "nothing missed"): loaded once from
// its §17 route — whose answer says the live stream's number it was read at
// (`liveSeq`) — then kept up to date by the topic's events from exactly that
// number on, so nothing posted between the load and the live connection is
// lost. A reload (after a write, or when the server asks for one with
// `reset`) replays the events that arrived meanwhile onto the new answer,
// since a read may have started before them.

export type LiveEvent = { type: string; data: unknown; seq: number | null };
export type LiveResource<T> = {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replaces the data, or updates it (nothing while it has not loaded). */
  set: (t: T | ((d: T) => T)) => void;
};

type Options<T> = {
  /** The data after one event; the same object when the event changes nothing here. */
  apply: (data: T, event: LiveEvent) => T;
  /** Anything else an event should cause (re-reading a document, a list). */
  onEvent?: (event: LiveEvent) => void;
};

const KEEP = 300; // events kept to replay onto an answer that was read before them

export function useLiveResource<T extends { liveSeq?: number }>(url: string | null, topic: string | null, options: Options<T>): LiveResource<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: url !== null });
  const [since, setSince] = useState<number | null>(null);
  const recent = useRef<LiveEvent[]>([]);
  const request = useRef(0);
  const opts = useRef(options);
  opts.current = options;

  const load = useCallback(async () => {
    if (!url) return;
    const mine = ++request.current;
    const r = await api<T>(url);
    if (mine !== request.current) return; // a newer read is on its way
    if (!r.ok) return setState((s) => ({ ...s, loading: false, error: r.message }));
    const seq = r.data.liveSeq ?? 0;
    let data = r.data;
    for (const e of recent.current) if (e.seq !== null && e.seq > seq) data = opts.current.apply(data, e);
    setState({ data, error: null, loading: false });
    setSince((s) => s ?? seq);
  }, [url]);

  useEffect(() => {
    recent.current = [];
    setSince(null);
    setState({ data: null, error: null, loading: url !== null });
    void load();
  }, [url, load]);

  useLiveTopic(topic, url ? since : null, {
    event(type, data, seq) {
      const e = { type, data, seq };
      if (seq !== null) recent.current = [...recent.current.slice(-(KEEP - 1)), e];
      setState((s) => (s.data ? { ...s, data: opts.current.apply(s.data, e) } : s));
      opts.current.onEvent?.(e);
    },
    reset() {
      recent.current = [];
      void load();
    },
  });

  const set = useCallback(
    (t: T | ((d: T) => T)) => setState((s) => ({ ...s, data: typeof t === "function" ? (s.data ? (t as (d: T) => T)(s.data) : s.data) : t })),
    [],
  );
  return { ...state, reload: load, set };
}

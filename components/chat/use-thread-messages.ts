"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { api, paths } from "@/lib/client/api";
import type { Change, Message, ThreadSummary } from "@/lib/contracts";

// A thread's messages, kept live (§8.4): loaded once, then new and updated
// messages arrive over the thread's SSE stream. After a reconnect ("ready"
// again) the list is reloaded so nothing sent while away is missed.

export type ThreadState = {
  thread: ThreadSummary | null;
  messages: Message[];
  changes: Change[];
  status: "loading" | "ready" | "error";
  error: string | null;
  live: boolean;
};

const byTime = (a: Message, b: Message) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export function upsertMessage(list: Message[], m: Partial<Message> & { id: string }): Message[] {
  const at = list.findIndex((x) => x.id === m.id);
  if (at < 0) return "createdAt" in m && m.body !== undefined ? [...list, m as Message].sort(byTime) : list;
  const next = [...list];
  next[at] = { ...next[at], ...m };
  return next;
}

export function upsertChange(list: Change[], c: Partial<Change> & { id: string }): Change[] {
  const at = list.findIndex((x) => x.id === c.id);
  if (at < 0) return "original" in c ? [...list, c as Change] : list;
  const next = [...list];
  next[at] = { ...next[at], ...c };
  return next;
}

export function useThreadMessages(threadId: string | null, onChangeEvent?: () => void) {
  const [state, setState] = useState<ThreadState>({ thread: null, messages: [], changes: [], status: "loading", error: null, live: false });
  const onChange = useRef(onChangeEvent);
  onChange.current = onChangeEvent;

  const load = useCallback(async () => {
    if (!threadId) return;
    const r = await api<{ thread: ThreadSummary; messages: Message[]; changes: Change[] }>(`${paths.thread(threadId)}/messages`);
    setState((s) =>
      r.ok
        ? { ...s, thread: r.data.thread, messages: r.data.messages, changes: r.data.changes, status: "ready", error: null }
        : { ...s, status: s.messages.length ? "ready" : "error", error: r.message },
    );
  }, [threadId]);

  useEffect(() => {
    if (!threadId) return;
    setState({ thread: null, messages: [], changes: [], status: "loading", error: null, live: false });
    void load();
    const es = new EventSource(`${paths.thread(threadId)}/events`);
    let readyOnce = false;
    es.addEventListener("ready", () => {
      setState((s) => ({ ...s, live: true }));
      if (readyOnce) void load(); // reconnected: fetch what was missed
      readyOnce = true;
    });
    const onMessage = (e: MessageEvent<string>) => {
      try {
        const m = JSON.parse(e.data) as Partial<Message> & { id: string };
        setState((s) => ({ ...s, messages: upsertMessage(s.messages, m) }));
      } catch {
        /* a malformed event is skipped; the next reload repairs the list */
      }
    };
    es.addEventListener("message", onMessage);
    es.addEventListener("message_updated", onMessage);
    const changed = (e: MessageEvent<string>) => {
      // The AI's card placeholders show each change's status (§18): keep the thread's list current.
      try {
        const c = JSON.parse(e.data) as Partial<Change> & { id: string };
        setState((s) => ({ ...s, changes: upsertChange(s.changes, c) }));
      } catch {
        /* the next reload repairs the list */
      }
      onChange.current?.();
    };
    es.addEventListener("change", changed);
    es.addEventListener("change_updated", changed);
    es.onerror = () => setState((s) => ({ ...s, live: false })); // EventSource retries by itself
    return () => es.close();
  }, [threadId, load]);

  const add = useCallback((m: Partial<Message> & { id: string }) => setState((s) => ({ ...s, messages: upsertMessage(s.messages, m) })), []);
  const appendText = useCallback(
    (id: string, text: string) =>
      setState((s) => ({ ...s, messages: s.messages.map((m) => (m.id === id ? { ...m, body: m.body + text } : m)) })),
    [],
  );
  return { ...state, reload: load, add, appendText };
}

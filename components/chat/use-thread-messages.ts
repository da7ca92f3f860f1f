"use client";

import { useCallback } from "react";
import { paths } from "@/lib/client/api";
import type { Change, Message, ThreadSummary } from "@/lib/contracts";
import { threadTopic } from "@/lib/realtime/topics";
import { useLiveResource, type LiveEvent } from "@/components/live/use-live-resource";

// A thread's messages, kept live (§8.4, issue 14): loaded once, then every
// message and card event of the thread from the number the load was read at
// — so a message posted between the load and the live connection is never
// lost — on the page's one live connection.

type ThreadData = { thread: ThreadSummary; messages: Message[]; changes: Change[]; liveSeq?: number };

export type ThreadState = {
  thread: ThreadSummary | null;
  messages: Message[];
  changes: Change[];
  status: "loading" | "ready" | "error";
  error: string | null;
};

const byTime = (a: Message, b: Message) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export function upsertMessage(list: Message[], m: Partial<Message> & { id: string }): Message[] {
  const at = list.findIndex((x) => x.id === m.id);
  if (at < 0) return "createdAt" in m && m.body !== undefined ? [...list, m as Message].sort(byTime) : list;
  const next = [...list];
  const old = next[at];
  // The asker's own stream adds text faster than the saved snapshots others get: never step back while it streams.
  const behind = old.status === "streaming" && m.status === "streaming" && m.body !== undefined && old.body.startsWith(m.body);
  next[at] = { ...old, ...m, ...(behind ? { body: old.body, details: old.details } : {}) };
  return next;
}

export function upsertChange(list: Change[], c: Partial<Change> & { id: string }): Change[] {
  const at = list.findIndex((x) => x.id === c.id);
  if (at < 0) return "original" in c ? [...list, c as Change] : list;
  const next = [...list];
  next[at] = { ...next[at], ...c };
  return next;
}

export function applyThreadEvent(d: ThreadData, e: LiveEvent): ThreadData {
  const item = e.data as { id?: unknown };
  if (!item || typeof item.id !== "string") return d;
  if (e.type === "message" || e.type === "message_updated") return { ...d, messages: upsertMessage(d.messages, item as Message) };
  if (e.type === "change" || e.type === "change_updated") return { ...d, changes: upsertChange(d.changes, item as Change) };
  return d;
}

export function useThreadMessages(threadId: string | null, onChangeEvent?: () => void) {
  const r = useLiveResource<ThreadData>(threadId ? `${paths.thread(threadId)}/messages` : null, threadId ? threadTopic(threadId) : null, {
    apply: applyThreadEvent,
    onEvent: (e) => {
      if (e.type === "change" || e.type === "change_updated") onChangeEvent?.();
    },
  });
  const { data, set } = r;
  const add = useCallback((m: Partial<Message> & { id: string }) => set((d) => ({ ...d, messages: upsertMessage(d.messages, m) })), [set]);
  const appendText = useCallback(
    (id: string, text: string) => set((d) => ({ ...d, messages: d.messages.map((m) => (m.id === id ? { ...m, body: m.body + text } : m)) })),
    [set],
  );
  const state: ThreadState = {
    thread: data?.thread ?? null,
    messages: data?.messages ?? [],
    changes: data?.changes ?? [],
    status: data ? "ready" : r.error ? "error" : "loading",
    error: r.error,
  };
  return { ...state, reload: r.reload, add, appendText };
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/client/api";
import { MY_NOTIFICATIONS } from "@/lib/realtime/topics";
import type { NotificationView } from "@/lib/contracts/notifications";
import { useLiveTopic } from "@/components/live/live-provider";

// The bell's data (§15): the first page and the unread count from GET
// /api/notifications, then live — a new notification joins at the top and
// the count follows, on every open page of the recipient (issue 14). Older
// pages load on demand.

type Page = { notifications: NotificationView[]; unread: number; next: string | null; liveSeq: number };
type State = { items: NotificationView[]; unread: number; next: string | null; error: string | null; loaded: boolean };

export function useNotifications() {
  const [state, setState] = useState<State>({ items: [], unread: 0, next: null, error: null, loaded: false });
  const [since, setSince] = useState<number | null>(null);
  const loading = useRef(false);

  const load = useCallback(async () => {
    const r = await api<Page>("/api/notifications");
    if (!r.ok) return setState((s) => ({ ...s, error: r.message, loaded: true }));
    setState({ items: r.data.notifications, unread: r.data.unread, next: r.data.next, error: null, loaded: true });
    setSince((s) => s ?? r.data.liveSeq);
  }, []);
  useEffect(() => void load(), [load]);

  useLiveTopic(MY_NOTIFICATIONS, since, {
    event(type, data) {
      if (type === "notification") {
        const d = data as { notification: NotificationView; unread: number };
        setState((s) => (s.items.some((n) => n.id === d.notification.id) ? s : { ...s, items: [d.notification, ...s.items], unread: d.unread }));
      } else if (type === "notifications_read") {
        const d = data as { ids: string[] | null; unread: number };
        setState((s) => ({ ...s, unread: d.unread, items: s.items.map((n) => (d.ids === null || d.ids.includes(n.id) ? { ...n, read: true } : n)) }));
      }
    },
    reset: () => void load(),
  });

  const more = useCallback(async () => {
    if (!state.next || loading.current) return;
    loading.current = true;
    const r = await api<Page>(`/api/notifications?after=${encodeURIComponent(state.next)}`);
    loading.current = false;
    if (!r.ok) return setState((s) => ({ ...s, error: r.message }));
    setState((s) => ({ ...s, items: [...s.items, ...r.data.notifications.filter((n) => !s.items.some((x) => x.id === n.id))], next: r.data.next }));
  }, [state.next]);

  const markRead = useCallback(async (which: { ids: string[] } | { all: true }) => {
    const r = await api<{ unread: number }>("/api/notifications/read", { method: "POST", json: which });
    if (!r.ok) return setState((s) => ({ ...s, error: r.message }));
    setState((s) => ({ ...s, unread: r.data.unread, items: s.items.map((n) => ("all" in which || which.ids.includes(n.id) ? { ...n, read: true } : n)) }));
  }, []);

  return { ...state, more, markRead };
}

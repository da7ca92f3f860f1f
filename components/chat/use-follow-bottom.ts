"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { Message } from "@/lib/contracts";

// A chat that follows (issue 14): it opens at its newest message, stays at
// the bottom while the reader is there — new messages and a growing AI reply
// scroll into view — and otherwise leaves the reader where they are and
// counts what arrived below ("N new messages"). A message the reader posts
// always brings them down.

const NEAR_PX = 48;

export function useFollowBottom(list: RefObject<HTMLElement | null>, messages: Message[], ready: boolean, opts: { me: string | null; skipInitial: boolean }) {
  const [unseen, setUnseen] = useState(0);
  const atBottom = useRef(true);
  const known = useRef<Set<string> | null>(null);
  const opened = useRef(false);

  const toBottom = useCallback(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setUnseen(0);
  }, [list]);

  // Open at the newest message, once the first messages are drawn.
  useLayoutEffect(() => {
    if (!ready || opened.current) return;
    opened.current = true;
    known.current = new Set(messages.map((m) => m.id));
    if (!opts.skipInitial) toBottom();
  }, [ready, messages, opts.skipInitial, toBottom]);

  const last = messages[messages.length - 1];
  const lastSize = `${last?.id}:${last?.body.length}:${last?.status}`;
  useLayoutEffect(() => {
    if (!known.current) return;
    const fresh = messages.filter((m) => !known.current!.has(m.id));
    for (const m of fresh) known.current.add(m.id);
    const mine = fresh.some((m) => m.authorKind === "user" && m.author?.login === opts.me);
    if (atBottom.current || mine) toBottom();
    else if (fresh.length) setUnseen((n) => n + fresh.length);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the list's length and its last message's growth are what move it
  }, [messages.length, lastSize]);

  // Text that renders later (Markdown, images) grows the list: keep the bottom in view while following.
  useEffect(() => {
    const el = list.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const inner = el.firstElementChild;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    if (inner) observer.observe(inner);
    return () => observer.disconnect();
  }, [list, ready]);

  const onScroll = useCallback(() => {
    const el = list.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_PX;
    if (atBottom.current) setUnseen(0);
  }, [list]);

  return { unseen, onScroll, toBottom };
}

"use client";

import { useEffect, useRef, type ReactNode, type RefObject } from "react";
import type { AiStatus, Message } from "@/lib/contracts";
import { BTN } from "@/components/rfc/styles";
import { useLiveStatus } from "@/components/live/live-provider";
import { Composer } from "./composer";
import { MessageItem } from "./message-item";
import { NewMessagesPill } from "./new-messages-pill";
import { postMessage, stopReply } from "./post-message";
import { useFollowBottom } from "./use-follow-bottom";
import { useThreadMessages } from "./use-thread-messages";

// A thread's conversation (§8.4): live messages that open at the newest and
// follow while the reader is at the bottom (issue 14), then the composer —
// usable while an AI reply streams — or, for readers, a prompt to sign in
// (§1), and for a deleted branch a read-only note (§11.5).

type Props = {
  threadId: string;
  canChat: boolean;
  readOnlyReason?: string | null;
  signInHref: string;
  ai: AiStatus;
  /** The signed-in person's login (their own posts always scroll into view). */
  me?: string | null;
  /** Whether the viewer may stop this AI reply (its asker, the RFC's owners). */
  canStop?: (m: Message) => boolean;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
  highlightMessageId?: string | null;
  onFlagMessage?: (m: Message) => void;
  onChangeEvent?: () => void;
  header?: ReactNode;
  emptyText?: string;
};

export function ChatPanel(p: Props) {
  const t = useThreadMessages(p.threadId, p.onChangeEvent);
  const live = useLiveStatus();
  const list = useRef<HTMLDivElement>(null);
  const count = t.messages.length;
  const follow = useFollowBottom(list, t.messages, t.status === "ready", { me: p.me ?? null, skipInitial: !!p.highlightMessageId });

  useEffect(() => {
    if (!p.highlightMessageId || t.status !== "ready") return;
    document.getElementById(`message-${p.highlightMessageId}`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [p.highlightMessageId, t.status]);

  const send = (body: string, askAi: boolean, model: string | null) =>
    postMessage(p.threadId, { body, askAi, model }, { add: t.add, appendText: t.appendText, onChange: () => p.onChangeEvent?.() });

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-live-status={live}>
      {p.header}
      <div className="relative flex min-h-0 flex-1 flex-col">
        <div ref={list} onScroll={follow.onScroll} className="min-h-0 flex-1 overflow-y-auto px-3 py-3" aria-live="polite" aria-busy={t.status === "loading"} data-chat-scroll>
          {t.status === "loading" ? (
            <ul className="space-y-3" aria-label="Loading messages">
              {[0, 1, 2].map((i) => (
                <li key={i} className="flex animate-pulse gap-2">
                  <span className="h-7 w-7 rounded-full bg-slate-200" />
                  <span className="h-12 flex-1 rounded-lg bg-slate-100" />
                </li>
              ))}
            </ul>
          ) : t.status === "error" ? (
            <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
              <p>The conversation could not be loaded: {t.error}</p>
              <button type="button" className={`${BTN.small} mt-2`} onClick={() => void t.reload()}>
                Retry
              </button>
            </div>
          ) : count === 0 ? (
            <p className="mt-8 px-4 text-center text-sm text-slate-500">{p.emptyText ?? "No messages yet. Start the conversation."}</p>
          ) : (
            <ul className="space-y-1.5">
              {t.messages.map((m) => (
                <MessageItem
                  key={m.id}
                  message={m}
                  highlighted={m.id === p.highlightMessageId}
                  onFlag={p.onFlagMessage}
                  changes={t.changes}
                  onStop={m.authorKind === "ai" && m.status === "streaming" && p.canStop?.(m) ? () => stopReply(p.threadId, m.id) : undefined}
                />
              ))}
            </ul>
          )}
        </div>
        <NewMessagesPill count={follow.unseen} onClick={follow.toBottom} />
      </div>
      {live === "offline" && t.status === "ready" ? <p className="px-3 pb-1 text-[11px] text-slate-500">Reconnecting to live updates…</p> : null}
      {p.readOnlyReason ? (
        <p className="border-t border-slate-200 bg-slate-50 px-3 py-3 text-sm text-slate-600">{p.readOnlyReason}</p>
      ) : p.canChat ? (
        <Composer onSend={send} ai={p.ai} inputRef={p.inputRef} placeholder="Write a message…  ( / )" />
      ) : (
        <div className="border-t border-slate-200 bg-slate-50 px-3 py-3 text-sm text-slate-600">
          <a href={p.signInHref} className="font-medium text-indigo-700 underline hover:text-indigo-900">
            Sign in to take part
          </a>{" "}
          — readers can follow the conversation; signed-in contributors chat, comment and flag.
        </div>
      )}
    </div>
  );
}

"use client";

import type { RefObject } from "react";
import type { Change, Flag, Message, ThreadSummary } from "@/lib/contracts";
import { BufferPanel } from "@/components/changes/buffer-panel";
import { ChangeList } from "@/components/changes/change-list";
import { ChatPanel } from "@/components/chat/chat-panel";
import type { AiStatus } from "@/lib/contracts";
import { OpenFlags } from "@/components/flags/open-flags";
import { AnchorQuote } from "@/components/threads/anchor-quote";
import { SubThreadList } from "@/components/threads/sub-thread-list";
import type { Tab } from "./conversation-column";
import type { ViewPerms } from "./view-types";

// What each conversation tab shows (§8.4, §8.8, §8.12, §8.13, §8.14).

type Props = {
  tab: Tab;
  slug: string;
  isMain: boolean;
  deleted: boolean;
  perms: ViewPerms;
  signInHref: string;
  ai: AiStatus;
  threads: { list: ThreadSummary[]; loading: boolean; error: string | null; reload: () => void };
  changes: { list: Change[]; loading: boolean; error: string | null; reload: () => void };
  flags: { list: Flag[]; loading: boolean; error: string | null; reload: () => void };
  activeThreadId: string | null;
  highlightMessageId: string | null;
  chatInput: RefObject<HTMLTextAreaElement | null>;
  onOpenThread: (id: string | null, messageId?: string | null) => void;
  onFlagMessage: (m: Message) => void;
  onShowChangeMessage: (c: Change) => void;
  onShowFlag: (f: Flag) => void;
};

export function ConversationContent(p: Props) {
  const main = p.threads.list.find((t) => t.kind === "main") ?? null;
  const sub = p.activeThreadId ? (p.threads.list.find((t) => t.id === p.activeThreadId) ?? null) : null;
  const readOnly = p.deleted ? "This branch was deleted; its conversation is kept read-only." : null;

  if (p.tab === "chat") {
    const threadId = sub?.id ?? p.activeThreadId ?? main?.id ?? null;
    if (!threadId)
      return p.threads.error ? (
        <div role="alert" className="m-3 rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          The conversation could not be loaded: {p.threads.error}{" "}
          <button type="button" className="underline" onClick={p.threads.reload}>
            Retry
          </button>
        </div>
      ) : (
        <p className="p-4 text-sm text-slate-500">Loading the conversation…</p>
      );
    const header = sub ? (
      <div className="shrink-0 space-y-2 border-b border-slate-200 bg-amber-50/40 px-3 py-2">
        <button type="button" className="text-xs font-medium text-indigo-700 hover:underline" onClick={() => p.onOpenThread(null)}>
          ← Branch chat
        </button>
        <AnchorQuote thread={sub} clamp={false} />
      </div>
    ) : null;
    return (
      <ChatPanel
        key={threadId}
        threadId={threadId}
        header={header}
        canChat={p.perms.chat}
        readOnlyReason={readOnly}
        signInHref={p.signInHref}
        ai={p.ai}
        inputRef={p.chatInput}
        highlightMessageId={p.highlightMessageId}
        onFlagMessage={p.perms.flag && !p.deleted ? p.onFlagMessage : undefined}
        onChangeEvent={p.changes.reload}
        emptyText={sub ? "No replies yet." : p.isMain ? "No messages on main yet. Discuss the RFC here; edits happen on branches." : "No messages on this branch yet."}
      />
    );
  }
  const scroll = (node: React.ReactNode) => <div className="min-h-0 flex-1 overflow-y-auto">{node}</div>;
  if (p.tab === "changes")
    return scroll(
      p.isMain ? (
        <BufferPanel slug={p.slug} changes={p.changes.list} loading={p.changes.loading} canPromote={p.perms.cutBranch} onReload={p.changes.reload} onShowMessage={p.onShowChangeMessage} />
      ) : (
        <ChangeList changes={p.changes.list} loading={p.changes.loading} error={p.changes.error} canDecide={p.perms.edit && !p.deleted} onReload={p.changes.reload} onShowMessage={p.onShowChangeMessage} />
      ),
    );
  if (p.tab === "threads")
    return scroll(<SubThreadList threads={p.threads.list} loading={p.threads.loading} activeId={p.activeThreadId} onOpen={(id) => p.onOpenThread(id)} canComment={p.perms.subthread && !p.deleted} />);
  return scroll(
    <OpenFlags flags={p.flags.list} loading={p.flags.loading} error={p.flags.error} onReload={p.flags.reload} onShowMessage={p.onShowFlag} />,
  );
}

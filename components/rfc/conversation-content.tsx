"use client";

import { BufferPanel } from "@/components/changes/buffer-panel";
import { ChangeList } from "@/components/changes/change-list";
import { ChatPanel } from "@/components/chat/chat-panel";
import { OpenFlags } from "@/components/flags/open-flags";
import { AnchorQuote } from "@/components/threads/anchor-quote";
import { SubThreadList } from "@/components/threads/sub-thread-list";
import { useRfcView } from "./rfc-view-context";

// What each conversation tab shows (§8.4, §8.8, §8.12, §8.13, §8.14).

export function ConversationContent() {
  const v = useRfcView();
  const slug = v.rfc.slug;
  const main = v.threads.threads.find((t) => t.kind === "main") ?? null;
  const sub = v.thread.id ? (v.threads.threads.find((t) => t.id === v.thread.id) ?? null) : null;
  const readOnly = v.record
    ? `This RFC is ${v.record}: a record now, so its conversation stays as it was, read-only.`
    : v.deleted
      ? "This branch was deleted; its conversation is kept read-only."
      : null;

  if (v.tab === "chat") {
    const threadId = sub?.id ?? v.thread.id ?? main?.id ?? null;
    if (!threadId)
      return v.threads.error ? (
        <div role="alert" className="m-3 rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          The conversation could not be loaded: {v.threads.error}{" "}
          <button type="button" className="underline" onClick={() => void v.threads.reload()}>
            Retry
          </button>
        </div>
      ) : (
        <p className="p-4 text-sm text-slate-500">Loading the conversation…</p>
      );
    const header = sub ? (
      <div className="shrink-0 space-y-2 border-b border-slate-200 bg-amber-50/40 px-3 py-2">
        <button type="button" className="text-xs font-medium text-indigo-700 hover:underline" onClick={() => v.openThread(null)}>
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
        canChat={v.perms.chat}
        readOnlyReason={readOnly}
        signInHref={v.view.signInHref}
        ai={v.ai}
        inputRef={v.chatInput}
        highlightMessageId={v.thread.message}
        onFlagMessage={v.perms.flag && !v.deleted ? (m) => v.setFlagging({ messageId: m.id, threadId: m.threadId, label: m.body.slice(0, 240) }) : undefined}
        me={v.view.viewer}
        canStop={(m) => v.perms.stopAnyAiReply || (!!v.view.viewer && m.details?.askedBy === v.view.viewer)}
        emptyText={sub ? "No replies yet." : v.isMain ? "No messages on main yet. Discuss the RFC here; edits happen on branches." : "No messages on this branch yet."}
      />
    );
  }
  const scroll = (node: React.ReactNode) => <div className="min-h-0 flex-1 overflow-y-auto">{node}</div>;
  if (v.tab === "changes")
    return scroll(
      v.isMain ? (
        <BufferPanel slug={slug} branchLimit={v.rfc.branchLimit} changes={v.changes.changes} loading={v.changes.loading} canPromote={v.perms.cutBranch} onReload={() => void v.changes.reload()} onShowMessage={v.showChangeMessage} />
      ) : (
        <ChangeList changes={v.changes.changes} loading={v.changes.loading} error={v.changes.error} canDecide={v.perms.edit && !v.deleted} canAskAi={v.perms.askAi && v.ai.enabled && !v.deleted} onReload={() => void v.changes.reload()} onShowMessage={v.showChangeMessage} />
      ),
    );
  if (v.tab === "threads")
    return scroll(<SubThreadList threads={v.threads.threads} loading={v.threads.loading} activeId={v.thread.id} onOpen={(id) => v.openThread(id)} canComment={v.perms.subthread && !v.deleted} />);
  return scroll(
    <OpenFlags flags={v.flags.flags} loading={v.flags.loading} error={v.flags.error} onReload={() => void v.flags.reload()} onShowMessage={v.showFlag} />,
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, type ReactNode } from "react";
import type { Anchor, Change, Flag, Message } from "@/lib/contracts";
import { documentBlocks } from "@/lib/threads/blocks";
import { useReloadOnAccept } from "@/components/changes/use-reload-on-accept";
import { useAiStatus } from "@/components/chat/use-ai-status";
import { FlagDialog, type FlagTarget } from "@/components/flags/flag-dialog";
import { NewThreadForm } from "@/components/threads/new-thread-form";
import { viewUrl } from "@/lib/client/api";
import { ConversationColumn, type Tab } from "./conversation-column";
import { ConversationContent } from "./conversation-content";
import { DocumentHeader } from "./document-header";
import { DocumentBody } from "./document-body";
import type { EditorPaneHandle } from "./editor-pane";
import { BranchList } from "./branch-list";
import { useBranchDocument, useChanges, useOpenFlags, useThreads } from "./use-branch-data";
import { useBranchList } from "./use-branch-list";
import { useOverlays } from "./use-overlays";
import { useShortcuts } from "./use-shortcuts";
import { useViewMode } from "./use-view-mode";
import { ViewColumns } from "./view-columns";
import type { ViewProps } from "./view-types";

// The RFC view (§8.1): catalog and branches | the document | the conversation.
// Opens in discuss mode (§8.2); people with edit rights flip a branch to
// contribute (§8.3). Columns ~280 / flexible / 380; the left one folds away
// below 1100 px and opens as a drawer.

export function RfcView(props: ViewProps & { rfcList: ReactNode; graduate?: ReactNode }) {
  const { rfc, perms } = props;
  const router = useRouter();
  const list = useBranchList(rfc.slug, props.branches);
  const branch = list.branches.find((b) => b.name === props.branch.name) ?? props.branch;
  // After a branch action: the list from the branches route, and the page (permissions) behind it.
  const branchesChanged = () => (void list.reload(), router.refresh());
  const isMain = branch.name === "main";
  const deleted = branch.state === "deleted";
  const canEdit = perms.edit && !isMain && !deleted;
  const [diff, setDiff] = useState(false);
  const [leftOpen, setLeftOpen] = useState(false);
  const [tab, setTab] = useState<Tab>("chat");
  const [thread, setThread] = useState<{ id: string | null; message: string | null }>({ id: null, message: null });
  const [commenting, setCommenting] = useState<Anchor | null>(null);
  const [flagging, setFlagging] = useState<FlagTarget | null>(null);
  const editor = useRef<EditorPaneHandle>(null);
  const { mode, setMode, notice } = useViewMode(canEdit, props.initialMode, editor);
  const chatInput = useRef<HTMLTextAreaElement>(null);
  const ai = useAiStatus();

  const initialDoc = isMain && props.mainText !== null ? { text: props.mainText, headSha: branch.headSha, path: "", branch: "main" } : null;
  const doc = useBranchDocument(rfc.slug, branch.name, initialDoc);
  const threads = useThreads(rfc.slug, branch.name);
  const changes = useChanges(rfc.slug, branch.name);
  const flags = useOpenFlags(rfc.slug, perms.resolveFlags);
  useReloadOnAccept(changes.data?.changes ?? null, () => (void doc.reload(), void list.reload()));
  const text = doc.data?.text ?? "";
  const overlays = useOverlays(text, changes.changes, threads.threads, thread.id);
  const serverBlocks = useMemo(() => documentBlocks(text), [text]);

  const openThread = (id: string | null, message: string | null = null) => {
    setThread({ id, message });
    setTab("chat");
  };
  const showChangeMessage = (c: Change) => openThread(c.threadId && c.threadId !== threads.threads.find((t) => t.kind === "main")?.id ? c.threadId : null, c.messageId);
  const showFlag = (f: Flag) => (f.branch === branch.name ? openThread(f.threadId, f.messageId) : router.push(viewUrl(rfc.slug, f.branch)));
  const showCard = (id: string) => {
    setTab("changes");
    window.setTimeout(() => document.querySelector(`li[data-change-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" }), 50);
  };
  const onMarkClick = (kind: "thread" | "change", ref: number) => {
    if (kind === "thread") return openThread(threads.threads[ref]?.id ?? null);
    const c = changes.changes[ref];
    if (c) showCard(c.id);
  };

  useShortcuts({
    "toggle-contribute": canEdit ? () => void setMode(mode === "contribute" ? "discuss" : "contribute") : undefined,
    "toggle-diff": !isMain ? () => setDiff((d) => !d) : undefined,
    "focus-chat": () => {
      setTab("chat");
      window.setTimeout(() => chatInput.current?.focus(), 0);
    },
    save: mode === "contribute" ? () => void editor.current?.save() : undefined,
  });

  const pendingCount = changes.changes.filter((c) => c.status === (isMain ? "buffered" : "pending")).length;
  const subCount = threads.threads.filter((t) => t.kind !== "main").length;

  const documentBody = (
    <DocumentBody
      slug={rfc.slug}
      branch={branch.name}
      deleted={deleted}
      editing={mode === "contribute" && canEdit}
      showDiff={diff && !isMain}
      doc={{ data: doc.data, error: doc.error, reload: () => void doc.reload() }}
      editorRef={editor}
      changes={changes.changes}
      threads={threads.threads}
      activeThreadId={thread.id}
      overlays={overlays}
      serverBlocks={serverBlocks}
      canComment={perms.subthread && !deleted}
      canFlag={perms.flag && !deleted}
      onSaved={({ text: t, headSha, staleChangeIds }) => {
        if (doc.data) doc.set({ ...doc.data, text: t, headSha });
        void threads.reload();
        if (staleChangeIds.length || pendingCount) void changes.reload();
        void list.reload(); // fresh +/− and head for the branch list
      }}
      onOpenThread={(id) => openThread(id)}
      onShowCard={showCard}
      onMarkClick={onMarkClick}
      onComment={setCommenting}
      onFlagPassage={(anchor, t) => setFlagging({ anchor, label: t })}
    />
  );

  const center = (
    <main className="flex min-h-0 min-w-0 flex-col bg-slate-50">
      <DocumentHeader
        rfc={rfc}
        branch={branch}
        branches={list.branches}
        perms={perms}
        mode={mode}
        onMode={(m) => void setMode(m)}
        diff={diff}
        onDiff={setDiff}
        onBranchUpdated={() => (void doc.reload(), branchesChanged())}
        onBranchesChanged={branchesChanged}
        onToggleLeft={() => setLeftOpen((o) => !o)}
        graduate={props.graduate}
      />
      <div className="min-h-0 flex-1 overflow-y-auto" id="document-scroll">
        <div className="mx-auto w-full max-w-[52rem] px-12 py-8 2xl:max-w-[60rem]">
          {notice ? (
            <p role="alert" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              {notice}
            </p>
          ) : null}
          {documentBody}
        </div>
      </div>
    </main>
  );
  const left = (
    <nav aria-label="Branches and RFCs" className="flex flex-col gap-6 px-3 py-4 text-sm">
      <BranchList slug={rfc.slug} current={branch.name} branches={list.branches} />
      {props.rfcList}
    </nav>
  );
  const right = (
    <ConversationColumn
      tab={tab}
      onTab={setTab}
      counts={{ changes: pendingCount, threads: subCount, flags: flags.flags.length }}
      changesLabel={isMain ? "Buffer" : "Changes"}
      showFlags={perms.resolveFlags}
    >
      <ConversationContent
        tab={tab}
        slug={rfc.slug}
        isMain={isMain}
        deleted={deleted}
        perms={perms}
        signInHref={props.signInHref}
        ai={ai}
        threads={{ list: threads.threads, loading: threads.loading, error: threads.error, reload: () => void threads.reload() }}
        changes={{ list: changes.changes, loading: changes.loading, error: changes.error, reload: () => void changes.reload() }}
        flags={{ list: flags.flags, loading: flags.loading, error: flags.error, reload: () => void flags.reload() }}
        activeThreadId={thread.id}
        highlightMessageId={thread.message}
        chatInput={chatInput}
        onOpenThread={openThread}
        onFlagMessage={(m: Message) => setFlagging({ messageId: m.id, threadId: m.threadId, label: m.body.slice(0, 240) })}
        onShowChangeMessage={showChangeMessage}
        onShowFlag={showFlag}
      />
    </ConversationColumn>
  );

  return (
    <>
      <ViewColumns left={left} center={center} right={right} leftOpen={leftOpen} onCloseLeft={() => setLeftOpen(false)} />
      {commenting ? (
        <NewThreadForm
          slug={rfc.slug}
          branch={branch.name}
          anchor={commenting}
          onClose={() => setCommenting(null)}
          onCreated={(t) => {
            setCommenting(null);
            void threads.reload();
            openThread(t.id);
          }}
        />
      ) : null}
      {flagging ? <FlagDialog slug={rfc.slug} branch={branch.name} target={flagging} onClose={() => setFlagging(null)} onDone={() => void flags.reload()} /> : null}
    </>
  );
}


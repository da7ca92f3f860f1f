"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from "react";
import { viewUrl } from "@/lib/client/api";
import type { Anchor, BranchSummary, Change, Flag } from "@/lib/contracts";
import { placeThreads } from "@/lib/threads/place";
import { permsInState, useRfcState } from "@/components/lifecycle/rfc-state";
import { useNavigate } from "@/components/navigation/navigation-watchdog";
import { isFinalState } from "@/lib/lifecycle/state-rules";
import type { FlagTarget } from "@/components/flags/flag-dialog";
import type { Tab } from "./conversation-column";
import type { EditorPaneHandle } from "./editor-pane";
import type { Pane } from "./view-columns";
import { useBranchDocument, useChanges, useOpenFlags, useThreads } from "./use-branch-data";
import { useBranchList } from "./use-branch-list";
import { useOverlays } from "./use-overlays";
import { useViewMode } from "./use-view-mode";
import type { ViewProps } from "./view-types";

// The RFC view's state (§8.1), held once by RfcViewProvider and read by the
// columns with useRfcView() instead of being passed down through each of
// them: what the page decided (RFC, branch, permissions), the branch's data
// (document, threads, changes, flags, branch list), the view's own state
// (mode, DiffView, tab, open thread, the comment and flag dialogs) and the
// actions that move between them.

export type RfcViewState = ReturnType<typeof useRfcViewState>;

const Context = createContext<RfcViewState | null>(null);

export function useRfcView(): RfcViewState {
  const v = useContext(Context);
  if (!v) throw new Error("useRfcView() is used outside RfcViewProvider");
  return v;
}

export function RfcViewProvider({ view, children }: { view: ViewProps; children: ReactNode }) {
  return <Context.Provider value={useRfcViewState(view)}>{children}</Context.Provider>;
}

function useRfcViewState(props: ViewProps) {
  // A record (accepted, rejected, withdrawn) the moment the lifecycle bar hears of it (§3).
  const state = useRfcState(props.rfc.slug, props.rfc.state);
  const rfc = { ...props.rfc, state };
  const perms = permsInState(props.perms, state);
  const router = useRouter();
  const navigate = useNavigate();
  const list = useBranchList(rfc.slug, props.branches);
  const branch: BranchSummary = list.branches.find((b) => b.name === props.branch.name) ?? props.branch;
  const isMain = branch.name === "main";
  const deleted = branch.state === "deleted";
  const canEdit = perms.edit && !isMain && !deleted;
  const [diff, setDiff] = useState(false);
  const place = props.initialPlace;
  const [tab, setTab] = useState<Tab>(place?.change ? "changes" : "chat");
  // On a phone one pane shows at a time (view-columns.tsx); what opens the conversation brings it forward.
  // A notification's link to a message or a card opens on the conversation.
  const [pane, setPane] = useState<Pane>(place?.change || place?.message ? "conversation" : "document");
  const [paneBranch, setPaneBranch] = useState(branch.name);
  if (paneBranch !== branch.name) {
    // Another branch was opened (from the Branches pane, say): show its document.
    setPaneBranch(branch.name);
    setPane("document");
  }
  const [thread, setThread] = useState<{ id: string | null; message: string | null }>({ id: place?.thread ?? null, message: place?.message ?? null });
  const [commenting, setCommenting] = useState<Anchor | null>(null);
  const [flagging, setFlagging] = useState<FlagTarget | null>(null);
  const editor = useRef<EditorPaneHandle>(null);
  const chatInput: RefObject<HTMLTextAreaElement | null> = useRef<HTMLTextAreaElement>(null);
  const { mode, setMode, notice } = useViewMode(canEdit, props.initialMode, editor);
  const ai = props.ai;

  const initialDoc = isMain && props.mainText !== null ? { text: props.mainText, headSha: branch.headSha, path: "", branch: "main" } : null;
  const doc = useBranchDocument(rfc.slug, branch.name, initialDoc, canEdit);
  const threadsRead = useThreads(rfc.slug, branch.name);
  // Whoever moved the branch — an accept, someone's save, a push in Gitea — the text shown follows its head
  // (the editor takes it only when nothing here is unsaved, §8.11), and the branch list its status (issue 14).
  const changes = useChanges(rfc.slug, branch.name, {
    onHead: (head) => {
      if (head.state === "open" && head.headSha !== doc.data?.headSha) void doc.reload();
      void list.reload();
    },
    onThread: () => void threadsRead.reload(),
  });
  const flags = useOpenFlags(rfc.slug, perms.resolveFlags);
  const text = doc.data?.text ?? "";
  // Anchors placed in the text shown, not the one the server read (lib/threads/place.ts).
  const loaded = doc.data !== null;
  const placed = useMemo(() => (loaded ? placeThreads(text, threadsRead.threads) : threadsRead.threads), [loaded, text, threadsRead.threads]);
  const threads = { ...threadsRead, threads: placed };
  const overlays = useOverlays(text, changes.changes, threads.threads, thread.id);

  // After a branch action: the list from the branches route, and the page (permissions) behind it.
  const branchesChanged = () => (void list.reload(), router.refresh());
  const openThread = (id: string | null, message: string | null = null) => {
    setThread({ id, message });
    setTab("chat");
    setPane("conversation");
  };
  const mainThreadId = threads.threads.find((t) => t.kind === "main")?.id;
  const showChangeMessage = (c: Change) => openThread(c.threadId && c.threadId !== mainThreadId ? c.threadId : null, c.messageId);
  const showFlag = (f: Flag) => (f.branch === branch.name ? openThread(f.threadId, f.messageId) : navigate(viewUrl(rfc.slug, f.branch)));
  const showCard = (id: string) => {
    setTab("changes");
    setPane("conversation");
    window.setTimeout(() => document.querySelector(`li[data-change-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" }), 50);
  };
  // A link to a card (a notification's) scrolls to it once the cards are loaded.
  const cardsLoaded = changes.data !== null;
  useEffect(() => {
    if (place?.change && cardsLoaded) showCard(place.change);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the cards first load
  }, [cardsLoaded]);
  const onMarkClick = (kind: "thread" | "change", ref: number) => {
    if (kind === "thread") return openThread(threads.threads[ref]?.id ?? null);
    const c = changes.changes[ref];
    if (c) showCard(c.id);
  };

  return {
    view: props,
    rfc,
    perms,
    /** accepted / rejected / withdrawn: the RFC is a read-only record (§3). */
    record: isFinalState(state) ? state : null,
    branch,
    branches: list.branches,
    reloadBranches: list.reload,
    branchesChanged,
    isMain,
    deleted,
    canEdit,
    mode,
    setMode,
    notice,
    diff,
    setDiff,
    tab,
    setTab,
    pane,
    setPane,
    thread,
    openThread,
    showChangeMessage,
    showFlag,
    showCard,
    onMarkClick,
    commenting,
    setCommenting,
    flagging,
    setFlagging,
    editor,
    chatInput,
    ai,
    doc,
    threads,
    changes,
    flags,
    overlays,
    pendingCount: changes.changes.filter((c) => c.status === (isMain ? "buffered" : "pending")).length,
    subCount: threads.threads.filter((t) => t.kind !== "main").length,
  };
}

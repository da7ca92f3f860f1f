"use client";

import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from "react";
import type { Change, DocumentAtHead, ThreadSummary } from "@/lib/contracts";
import { useAfterFirstPaint } from "@/components/editor/use-after-first-paint";
import { editorDecorations, type SourceDecoration } from "@/lib/rfc-view/editor-decorations";
import type { MergePiece } from "@/lib/contracts";
import { mergeSegments } from "@/lib/markdown/merge-blocks";
import type { SaveStatus } from "@/lib/rfc-view/flush-scheduler";
import { api, paths } from "@/lib/client/api";
import { ConflictBanner } from "./conflict-banner";
import { DraftOffer } from "./draft-offer";
import { DocumentEditor, type EditorHandle } from "./document-editor";
import { SaveStatusBadge } from "./save-status";
import { ResolveMergeDialog } from "./resolve-merge";
import { BTN, KBD } from "./styles";
import { useFlush } from "./use-flush";
import { useLocalDraft } from "./use-local-draft";

// Contribute mode (§8.3, §8.11): the editable document, flushed as bot
// commits, with the save status and the conflict flow. The user's text is
// never dropped: on a conflict it stays in the editor until they choose, and
// until a flush lands it is also kept in the browser, so a reload or a crash
// loses nothing (use-local-draft.ts).

const NO_DECORATIONS: SourceDecoration[] = [];

export type EditorPaneHandle = { save: () => Promise<void>; status: () => SaveStatus };

type Props = {
  slug: string;
  branch: string;
  doc: DocumentAtHead;
  changes: Change[];
  threads: ThreadSummary[];
  activeThreadId: string | null;
  onDecorationClick: (kind: "change" | "thread", id: string) => void;
  onSaved: (a: { text: string; headSha: string; staleChangeIds: string[] }) => void;
  ref?: Ref<EditorPaneHandle>;
};

export function EditorPane({ slug, branch, doc, changes, threads, activeThreadId, onDecorationClick, onSaved, ref }: Props) {
  const editor = useRef<EditorHandle>(null);
  const [source, setSource] = useState(doc.text);
  const [version, setVersion] = useState(0);
  // A merge that needs the person: the resolution view (resolve-merge.tsx), with the head it was made on.
  const [resolving, setResolving] = useState<{ segments: MergePiece[]; head: { text: string; headSha: string } } | null>(null);
  const [busy, setBusy] = useState(false);
  const afterSwap = useRef<(() => void) | null>(null);
  // The last text seen in the editor: when it unmounts, its ref is gone before
  // the flush cleanup runs, and falling back to the initial source would send
  // the old text back to Git.
  // Kept as a way to read it, not as text: nothing is serialised per keystroke.
  const lastText = useRef<() => string>(() => doc.text);
  const getText = () => {
    const now = editor.current?.getMarkdown();
    if (now !== undefined) lastText.current = () => now;
    return lastText.current();
  };
  // Offsets are into the source the editor loaded; the editor maps them through later edits,
  // so they can be worked out and drawn once the editable text has been painted.
  const painted = useAfterFirstPaint();
  const decorations = useMemo(
    () => (painted ? editorDecorations(source, changes, threads, activeThreadId) : NO_DECORATIONS),
    [painted, source, changes, threads, activeThreadId],
  );
  const pendingChanges = changes.filter((c) => c.status === "pending").length;
  const { snap, controls } = useFlush({ slug, branch, initial: { baseSha: doc.headSha, text: doc.text }, getText, onSaved });

  useImperativeHandle(ref, () => ({ save: () => controls.flushNow(), status: () => snap.status }), [controls, snap.status]);
  // A replaced text is in the editor only after it remounts: settle the scheduler then.
  useEffect(() => {
    afterSwap.current?.();
    afterSwap.current = null;
  }, [version]);
  const swapText = (text: string, then: () => void) => {
    afterSwap.current = then;
    lastText.current = () => text;
    setSource(text);
    setVersion((v) => v + 1);
  };
  const draft = useLocalDraft({
    slug,
    branch,
    doc,
    snap,
    getText,
    // The draft goes in on the head it was made on: the flush lands, or meets the conflict flow below.
    restore: (d) => swapText(d.text, () => controls.rebase(d.baseSha, d.baseText)),
  });

  // A commit made elsewhere — an accepted change card (§8.9), another tab —
  // arrives as a new `doc`. Follow it when nothing here is unsaved; otherwise
  // the next flush meets a 409 and the conflict flow keeps the user's text.
  useEffect(() => {
    if (doc.headSha === snap.baseSha || snap.status !== "saved" || getText() !== snap.savedText) return;
    swapText(doc.text, () => controls.rebase(doc.headSha, doc.text));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new head from outside starts this
  }, [doc.headSha]);

  const conflict = snap.conflict;
  const reload = () => {
    const target = resolving?.head ?? conflict;
    if (!target) return;
    setResolving(null);
    swapText(target.text, () => controls.rebase(target.headSha, target.text));
    onSaved({ text: target.text, headSha: target.headSha, staleChangeIds: [] });
  };
  const merge = async () => {
    if (!conflict) return;
    setBusy(true);
    // The head may have moved again since the 409: merge onto the newest text.
    const fresh = await api<DocumentAtHead>(`${paths.branch(slug, branch)}/document`);
    const head = fresh.ok ? { text: fresh.data.text, headSha: fresh.data.headSha } : conflict;
    const segments = mergeSegments(snap.savedText, getText(), head.text);
    setBusy(false);
    if (segments.some((g) => g.kind === "conflict")) return setResolving({ segments, head });
    saveOnTop(segments.map((g) => (g.kind === "clean" ? g.text : "")).join(""), head);
  };
  // The merged or resolved text goes into the editor and is saved on top of their head.
  const saveOnTop = (text: string, head: { text: string; headSha: string }) => {
    setResolving(null);
    swapText(text, () => {
      controls.rebase(head.headSha, head.text);
      void controls.flushNow();
    });
  };

  return (
    <div>
      {/* Sticky, with the conflict banner inside: wherever the caret is, the choice stays in sight. */}
      <div className="sticky top-0 z-10 -mx-2 mb-3 border-b border-slate-200 bg-slate-50/95 px-2 py-2 backdrop-blur">
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-xs font-medium text-slate-700">Editing</span>
          <SaveStatusBadge status={snap.status} error={snap.error} />
          {pendingChanges ? <span className="text-xs text-slate-500">{pendingChanges} pending change{pendingChanges === 1 ? "" : "s"} shown in the text</span> : null}
          <button type="button" className={`${BTN.small} ml-auto`} onClick={() => void controls.flushNow()} disabled={snap.status === "saving" || snap.status === "conflict"}>
            Save
          </button>
        </div>
        {draft.offer ? (
          <DraftOffer savedAt={draft.offer.savedAt} onRestore={draft.restoreOffer} onDiscard={draft.discardOffer} />
        ) : draft.restored ? (
          <p role="status" className="mt-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-1.5 text-xs text-sky-900">
            Your unsaved edits from before the page reloaded are back; they are being saved.
          </p>
        ) : null}
        {conflict ? (
          <div className="mt-2">
            <ConflictBanner busy={busy} onReload={reload} onMerge={() => void merge()} onCopy={() => navigator.clipboard.writeText(getText())} />
          </div>
        ) : null}
      </div>
      <DocumentEditor
        key={version}
        ref={editor}
        source={source}
        blocks={source === doc.text ? doc.blocks : undefined}
        editable
        decorations={decorations}
        onDecorationClick={onDecorationClick}
        onChange={(markdown) => ((lastText.current = markdown), controls.changed(), draft.changed())}
        onBlur={() => void controls.flushNow()}
      />
      {resolving ? (
        <ResolveMergeDialog
          title="Your edits and another save changed the same passages"
          labels={{ mine: "Your version", theirs: "Now on the branch" }}
          segments={resolving.segments}
          commitLabel="Save the resolution"
          busy={busy}
          error={null}
          // Closing keeps everything typed in the editor; the banner stays until a choice is made.
          onClose={() => setResolving(null)}
          onCommit={(text) => saveOnTop(text, resolving.head)}
        />
      ) : null}
      <p className="mt-2 text-[11px] text-slate-500">
        Saved as one commit after a 2-second pause, when you leave the editor, or with <kbd className={KBD}>Ctrl</kbd>/<kbd className={KBD}>⌘</kbd>+<kbd className={KBD}>S</kbd>.
        In a task list, <kbd className={KBD}>Ctrl</kbd>/<kbd className={KBD}>⌘</kbd>+<kbd className={KBD}>Enter</kbd> ticks the task at the cursor.
      </p>
    </div>
  );
}

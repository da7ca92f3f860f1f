"use client";

import type { Ref } from "react";
import type { Anchor, Change, DocumentAtHead, ThreadSummary } from "@/lib/contracts";
import type { Overlay } from "@/lib/rfc-view/overlays";
import type { BlockRange } from "@/lib/rfc-view/selection-anchor";
import { DiffView } from "@/components/changes/diff-view";
import { EditorPane, type EditorPaneHandle } from "./editor-pane";
import { ReadOnlyDocument } from "./read-only-document";
import { DocumentSkeleton } from "./view-columns";

// The centre column's body: the editor (contribute, §8.3), the DiffView
// (§8.10) or the rendered document (discuss, §8.2) — or its loading and
// error states. In contribute mode the editor stays mounted under the
// DiffView, so toggling the diff never drops or re-sends what is typed.

type Props = {
  slug: string;
  branch: string;
  deleted: boolean;
  editing: boolean;
  showDiff: boolean;
  doc: { data: DocumentAtHead | null; error: string | null; reload: () => void };
  editorRef: Ref<EditorPaneHandle>;
  changes: Change[];
  threads: ThreadSummary[];
  activeThreadId: string | null;
  overlays: Overlay[];
  serverBlocks: BlockRange[];
  canComment: boolean;
  canFlag: boolean;
  onSaved: (a: { text: string; headSha: string; staleChangeIds: string[] }) => void;
  onOpenThread: (id: string) => void;
  onShowCard: (id: string) => void;
  onMarkClick: (kind: "thread" | "change", ref: number) => void;
  onComment: (anchor: Anchor) => void;
  onFlagPassage: (anchor: Anchor, text: string) => void;
};

export function DocumentBody(p: Props) {
  const data = p.doc.data;
  return (
    <>
      {p.editing && data ? (
        <div hidden={p.showDiff}>
          <EditorPane
            ref={p.editorRef}
            slug={p.slug}
            branch={p.branch}
            doc={data}
            changes={p.changes}
            threads={p.threads}
            activeThreadId={p.activeThreadId}
            onDecorationClick={(kind, id) => (kind === "thread" ? p.onOpenThread(id) : p.onShowCard(id))}
            onSaved={p.onSaved}
          />
        </div>
      ) : null}
      {p.showDiff ? (
        <DiffView slug={p.slug} branch={p.branch} refreshKey={data?.headSha ?? ""} />
      ) : p.editing && data ? null : !data ? (
        p.doc.error ? (
          <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800">
            {p.deleted ? "This branch was deleted; its text is no longer in Git." : <>The document could not be loaded: {p.doc.error}</>}{" "}
            {!p.deleted ? (
              <button type="button" className="underline" onClick={p.doc.reload}>
                Retry
              </button>
            ) : null}
          </div>
        ) : (
          <DocumentSkeleton />
        )
      ) : (
        <ReadOnlyDocument
          source={data.text}
          overlays={p.overlays}
          serverBlocks={p.serverBlocks}
          canComment={p.canComment}
          canFlag={p.canFlag}
          onComment={p.onComment}
          onFlagPassage={p.onFlagPassage}
          onMarkClick={p.onMarkClick}
        />
      )}
    </>
  );
}

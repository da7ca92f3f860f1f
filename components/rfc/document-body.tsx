"use client";

import { DiffView } from "@/components/changes/diff-view";
import { useEditorWarmUp } from "@/components/editor/warm-up";
import { EditorPane } from "./editor-pane";
import { ReadOnlyDocument } from "./read-only-document";
import { useRfcView } from "./rfc-view-context";
import { DocumentSkeleton } from "./view-columns";

// The centre column's body: the editor (contribute, §8.3), the DiffView
// (§8.10) or the rendered document (discuss, §8.2) — or its loading and
// error states. In contribute mode the editor stays mounted under the
// DiffView, so toggling the diff never drops or re-sends what is typed.

export function DocumentBody() {
  const v = useRfcView();
  const data = v.doc.data;
  const editing = v.mode === "contribute" && v.canEdit;
  useEditorWarmUp(editing && !data);
  const showDiff = v.diff && !v.isMain;
  const onSaved = ({ text, headSha, staleChangeIds }: { text: string; headSha: string; staleChangeIds: string[] }) => {
    // The server's blocks were the old text's (lib/contracts DocumentAtHead): the new text goes without them.
    if (v.doc.data) v.doc.set({ text, headSha, path: v.doc.data.path, branch: v.doc.data.branch });
    void v.threads.reload();
    if (staleChangeIds.length || v.pendingCount) void v.changes.reload();
    void v.reloadBranches(); // fresh +/− and head for the branch list
  };
  return (
    <>
      {editing && data ? (
        <div hidden={showDiff}>
          <EditorPane
            ref={v.editor}
            slug={v.rfc.slug}
            branch={v.branch.name}
            doc={data}
            changes={v.changes.changes}
            threads={v.threads.threads}
            activeThreadId={v.thread.id}
            onDecorationClick={(kind, id) => (kind === "thread" ? v.openThread(id) : v.showCard(id))}
            onSaved={onSaved}
          />
        </div>
      ) : null}
      {showDiff ? (
        <DiffView slug={v.rfc.slug} branch={v.branch.name} refreshKey={data?.headSha ?? ""} />
      ) : editing && data ? null : !data ? (
        v.doc.error ? (
          <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800">
            {v.deleted ? "This branch was deleted; its text is no longer in Git." : <>The document could not be loaded: {v.doc.error}</>}{" "}
            {!v.deleted ? (
              <button type="button" className="underline" onClick={() => void v.doc.reload()}>
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
          overlays={v.overlays}
          canComment={v.perms.subthread && !v.deleted}
          canFlag={v.perms.flag && !v.deleted}
          onComment={v.setCommenting}
          onFlagPassage={(anchor, label) => v.setFlagging({ anchor, label })}
          onMarkClick={v.onMarkClick}
        />
      )}
    </>
  );
}

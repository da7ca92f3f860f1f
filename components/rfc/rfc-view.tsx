"use client";

import { useState, type ReactNode } from "react";
import { FlagDialog } from "@/components/flags/flag-dialog";
import { NewThreadForm } from "@/components/threads/new-thread-form";
import { BranchList } from "./branch-list";
import { ConversationColumn } from "./conversation-column";
import { ConversationContent } from "./conversation-content";
import { DocumentBody } from "./document-body";
import { DocumentHeader } from "./document-header";
import { RfcViewProvider, useRfcView } from "./rfc-view-context";
import { useShortcuts } from "./use-shortcuts";
import { ViewColumns } from "./view-columns";
import type { ViewProps } from "./view-types";

// The RFC view (§8.1): catalog and branches | the document | the conversation.
// Opens in discuss mode (§8.2); people with edit rights flip a branch to
// contribute (§8.3). Columns ~280 / flexible / 380; the left one folds away
// below 1100 px and opens as a drawer; below 768 px one pane shows at a time. Its state lives in RfcViewProvider
// (rfc-view-context.tsx); the columns read it with useRfcView().

export function RfcView(props: ViewProps & { rfcList: ReactNode; graduate?: ReactNode; lifecycle?: ReactNode }) {
  const { rfcList, graduate, lifecycle, ...view } = props;
  return (
    <RfcViewProvider view={view}>
      <RfcViewLayout rfcList={rfcList} graduate={graduate} lifecycle={lifecycle} />
    </RfcViewProvider>
  );
}

function RfcViewLayout({ rfcList, graduate, lifecycle }: { rfcList: ReactNode; graduate?: ReactNode; lifecycle?: ReactNode }) {
  const v = useRfcView();
  const [leftOpen, setLeftOpen] = useState(false);

  useShortcuts({
    "toggle-contribute": v.canEdit ? () => void v.setMode(v.mode === "contribute" ? "discuss" : "contribute") : undefined,
    "toggle-diff": !v.isMain ? () => v.setDiff((d) => !d) : undefined,
    "focus-chat": () => {
      v.setTab("chat");
      v.setPane("conversation");
      window.setTimeout(() => v.chatInput.current?.focus(), 0);
    },
    save: v.mode === "contribute" ? () => void v.editor.current?.save() : undefined,
  });

  const center = (
    <main className="flex min-h-0 min-w-0 flex-1 flex-col bg-slate-50">
      <DocumentHeader
        rfc={v.rfc}
        branch={v.branch}
        branches={v.branches}
        perms={v.perms}
        mode={v.mode}
        onMode={(m) => void v.setMode(m)}
        diff={v.diff}
        onDiff={v.setDiff}
        onBranchUpdated={() => (void v.doc.reload(), v.branchesChanged())}
        onBranchesChanged={v.branchesChanged}
        onToggleLeft={() => setLeftOpen((o) => !o)}
        graduate={graduate}
      />
      {lifecycle /* components/lifecycle: state, motion, claims, timeline (§3) */}
      <div className="min-h-0 flex-1 overflow-y-auto" id="document-scroll">
        <div className="mx-auto w-full max-w-[52rem] px-4 py-5 sm:px-8 md:px-12 md:py-8 2xl:max-w-[60rem]">
          {v.notice ? (
            <p role="alert" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              {v.notice}
            </p>
          ) : null}
          <DocumentBody />
        </div>
      </div>
    </main>
  );
  const left = (
    <nav aria-label="Branches and RFCs" className="flex flex-col gap-6 px-3 py-4 text-sm">
      <BranchList slug={v.rfc.slug} current={v.branch.name} branches={v.branches} />
      {rfcList}
    </nav>
  );
  const right = (
    <ConversationColumn
      tab={v.tab}
      onTab={v.setTab}
      counts={{ changes: v.pendingCount, threads: v.subCount, flags: v.flags.flags.length }}
      changesLabel={v.isMain ? "Buffer" : "Changes"}
      showFlags={v.perms.resolveFlags}
    >
      <ConversationContent />
    </ConversationColumn>
  );

  return (
    <>
      <ViewColumns
        left={left}
        center={center}
        right={right}
        leftOpen={leftOpen}
        onCloseLeft={() => setLeftOpen(false)}
        pane={v.pane}
        onPane={v.setPane}
        conversationCount={v.pendingCount}
      />
      {v.commenting ? (
        <NewThreadForm
          slug={v.rfc.slug}
          branch={v.branch.name}
          anchor={v.commenting}
          onClose={() => v.setCommenting(null)}
          onCreated={(t) => {
            v.setCommenting(null);
            void v.threads.reload();
            v.openThread(t.id);
          }}
        />
      ) : null}
      {v.flagging ? (
        <FlagDialog slug={v.rfc.slug} branch={v.branch.name} target={v.flagging} onClose={() => v.setFlagging(null)} onDone={() => void v.flags.reload()} />
      ) : null}
    </>
  );
}

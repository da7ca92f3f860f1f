"use client";

import { useState, type ReactNode } from "react";
import type { BranchSummary } from "@/lib/contracts";
import { BranchActions } from "./branch-actions";
import { LockIcon } from "./branch-badges";
import { BranchMenu } from "./branch-menu";
import { MenuIcon } from "./icons";
import { DiffToggle, ModeSwitch } from "./mode-switch";
import { MergeStatusNote } from "./merge-status-note";
import { NewBranchDialog } from "./new-branch-dialog";
import { BTN } from "./styles";
import { UpdateFromMain } from "./update-from-main";
import type { ViewPerms, ViewRfc } from "./view-types";

// The centre column's header: breadcrumb with the branch menu, the mode and
// DiffView switches, and the branch's status and actions (§8.1, §8.3, §12).

const STATE_STYLE: Record<string, string> = {
  "super-draft": "bg-amber-50 text-amber-800 ring-amber-200",
  active: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  accepted: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  rejected: "bg-rose-50 text-rose-800 ring-rose-200",
  withdrawn: "bg-slate-100 text-slate-600 ring-slate-200",
};

type Props = {
  rfc: ViewRfc;
  branch: BranchSummary;
  branches: BranchSummary[];
  perms: ViewPerms;
  mode: "discuss" | "contribute";
  onMode: (m: "discuss" | "contribute") => void;
  diff: boolean;
  onDiff: (on: boolean) => void;
  onBranchUpdated: () => void;
  /** After a branch action (PR opened, merged or closed, visibility flipped). */
  onBranchesChanged: () => void;
  onToggleLeft: () => void;
  graduate?: ReactNode;
};

export function DocumentHeader(p: Props) {
  const [cutting, setCutting] = useState(false);
  const isMain = p.branch.name === "main";
  return (
    <header className="@container shrink-0 border-b border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2.5 lg:px-6">
        {/* In a narrow column (a phone, a tablet's two columns) the breadcrumb has the first line to itself; the actions wrap below it. */}
        <div className="flex min-w-0 flex-1 basis-full items-center gap-2 @xl:basis-0">
          {/* Below 768 px the Branches tab at the bottom does this (view-columns.tsx). */}
          <button type="button" onClick={p.onToggleLeft} className={`${BTN.ghost} shrink-0 max-md:hidden cols:hidden`} aria-label="Show branches and RFCs">
            <MenuIcon />
          </button>
          <BranchMenu slug={p.rfc.slug} title={p.rfc.title} current={p.branch.name} branches={p.branches} />
          <span className={`shrink-0 rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${STATE_STYLE[p.rfc.state] ?? STATE_STYLE.withdrawn}`}>{p.rfc.state}</span>
          {p.rfc.rfcId ? <span className="shrink-0 font-mono text-xs text-slate-500 max-sm:hidden">{p.rfc.rfcId}</span> : null}
          {p.branch.visibility === "private" ? (
            <span className="inline-flex shrink-0 items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-700 ring-1 ring-inset ring-slate-300" title="Only its creator, the RFC's owners and arbiters, and admins see this branch">
              <LockIcon /> Private
            </span>
          ) : null}
        </div>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          {p.perms.cutBranch ? (
            <button type="button" className={BTN.secondary} onClick={() => setCutting(true)}>
              New branch
            </button>
          ) : null}
          {isMain && p.perms.graduate ? p.graduate : null}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-2 border-t border-slate-100 bg-slate-50/70 px-4 py-2 text-xs text-slate-600 lg:px-6">
        {["accepted", "rejected", "withdrawn"].includes(p.rfc.state) ? (
          <span>
            <span className="font-medium text-slate-800">A record</span> — this RFC is {p.rfc.state}: its text, branches and conversations stay readable; nothing changes any more.
          </span>
        ) : isMain ? (
          <span>
            <span className="font-medium text-slate-800">Discuss mode</span> — main is read-only. It changes only by merging branches; AI proposals made here wait in the buffer.
          </span>
        ) : p.branch.state === "deleted" ? (
          <span className="font-medium text-slate-700">This branch was deleted. Its conversation stays, read-only.</span>
        ) : (
          <>
            <ModeSwitch mode={p.mode} onChange={p.onMode} canEdit={p.perms.edit} />
            <DiffToggle on={p.diff} onChange={p.onDiff} />
            <span className="ml-auto">
              <BranchActions slug={p.rfc.slug} branch={p.branch} perms={p.perms} onChanged={p.onBranchesChanged} />
            </span>
          </>
        )}
      </div>
      {!isMain && p.branch.state === "open" ? <MergeStatusNote pr={p.branch.pr} /> : null}
      {!isMain && p.branch.state === "open" ? (
        <UpdateFromMain slug={p.rfc.slug} branch={p.branch.name} behindBy={p.branch.behindBy} canUpdate={p.perms.updateBranch} onUpdated={p.onBranchUpdated} />
      ) : null}
      {cutting ? <NewBranchDialog slug={p.rfc.slug} limit={p.rfc.branchLimit} onClose={() => setCutting(false)} /> : null}
    </header>
  );
}

"use client";

import { useState } from "react";
import type { BranchSummary } from "@/lib/contracts";
import { api, openView, paths, viewUrl } from "@/lib/client/api";
import { MenuButton, type MenuItem } from "./menu-button";
import { ConfirmModal } from "./modal";
import { OpenPrDialog } from "./open-pr-dialog";
import { BTN } from "./styles";
import { Tip } from "@/components/ui/tip";

// Actions on a non-main branch (§8.3, §9, §12): public / private, open a PR,
// merge or close it (owners), delete (creator, owners). The server re-checks
// every one (§6); these only hide what the viewer may not do.

export type BranchPerms = { flipVisibility: boolean; openPr: boolean; mergePr: boolean; deleteBranch: boolean };

export function BranchActions({ slug, branch, perms, onChanged }: { slug: string; branch: BranchSummary; perms: BranchPerms; onChanged: () => void }) {
  const [dialog, setDialog] = useState<null | "pr" | "delete">(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: string, call: () => Promise<{ ok: boolean; message?: string }>) => {
    setBusy(what);
    setError(null);
    const r = await call();
    setBusy(null);
    if (!r.ok) setError(r.message ?? "That did not work");
    else onChanged();
    return r.ok;
  };
  const pr = branch.pr;
  const open = branch.state === "open";
  const flip = () => run("visibility", () => api(paths.branch(slug, branch.name), { method: "PATCH", json: { visibility: branch.visibility === "private" ? "public" : "private" } }));
  const settle = (verb: "merge" | "close") => run(verb, () => api(`${paths.pr(slug, pr!.number)}/${verb}`, { method: "POST", json: {} }));
  const remove = async () => {
    if (await run("delete", () => api(paths.branch(slug, branch.name), { method: "DELETE" }))) openView(viewUrl(slug, "main"));
  };

  // The PR action stays in sight; the rest sits in a menu so the toolbar fits on one line.
  const more: MenuItem[] = [
    ...(pr?.state === "open" && perms.mergePr ? [{ label: `Close PR #${pr.number}`, onSelect: () => void settle("close") }] : []),
    ...(perms.flipVisibility && open
      ? [{ label: branch.visibility === "private" ? "Make public" : "Make private", onSelect: () => void flip(), hint: branch.visibility === "private" ? "Everyone will be able to read it" : "Only you, the owners, arbiters and admins will see it" }]
      : []),
    ...(open && perms.deleteBranch ? [{ label: "Delete branch…", onSelect: () => setDialog("delete"), danger: true }] : []),
  ];

  return (
    <div className="flex flex-wrap items-center gap-2">
      {pr?.state === "open" && perms.mergePr ? (
        // A disabled button gets no hover or focus: the tooltip sits on a focusable wrapper.
        <Tip text={pr.mergeable === false ? "Update from main or resolve the conflicts first" : null}>
          <span tabIndex={pr.mergeable === false ? 0 : undefined} className="inline-flex">
            <button type="button" className={BTN.small} disabled={!!busy || pr.mergeable === false} onClick={() => void settle("merge")}>
              {busy === "merge" ? "Merging…" : `Merge PR #${pr.number}`}
            </button>
          </span>
        </Tip>
      ) : null}
      {open && perms.openPr && pr?.state !== "open" ? (
        <button type="button" className={BTN.small} onClick={() => setDialog("pr")}>
          Open PR
        </button>
      ) : null}
      {busy && busy !== "merge" ? <span className="text-xs text-slate-500">Working…</span> : null}
      <MenuButton label="More branch actions" items={more}>
        More ▾
      </MenuButton>
      {error ? <span role="alert" className="text-xs text-rose-700">{error}</span> : null}
      {dialog === "pr" ? <OpenPrDialog slug={slug} branch={branch.name} onClose={() => setDialog(null)} onDone={() => (setDialog(null), onChanged())} /> : null}
      {dialog === "delete" ? (
        <ConfirmModal
          title={`Delete ${branch.name}?`}
          body={<p>The branch is removed from Git. Its conversation stays, read-only.</p>}
          confirm="Delete branch"
          busy={busy === "delete"}
          error={error}
          onConfirm={() => void remove()}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}

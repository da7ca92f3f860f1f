"use client";

import { useState } from "react";
import type { BranchSummary } from "@/lib/contracts";
import { api, openView, paths, viewUrl } from "@/lib/client/api";
import { MenuButton, type MenuItem } from "./menu-button";
import { ConfirmModal, Modal } from "./modal";
import { OpenPrDialog } from "./open-pr-dialog";
import { BTN } from "./styles";
import { Tip } from "@/components/ui/tip";
import { MERGE_STATE_TEXT } from "@/lib/prs/merge-state";

// Actions on a non-main branch (§8.3, §9, §12): public / private, open a PR,
// merge or close it (owners), delete (creator, owners). The server re-checks
// every one (§6); these only hide what the viewer may not do.

export type BranchPerms = { flipVisibility: boolean; openPr: boolean; mergePr: boolean; deleteBranch: boolean };

export function BranchActions({ slug, branch, perms, onChanged }: { slug: string; branch: BranchSummary; perms: BranchPerms; onChanged: () => void }) {
  const [dialog, setDialog] = useState<null | "pr" | "delete" | "visibility" | "public-for-pr">(null);
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
  const isPrivate = branch.visibility === "private";
  // Gitea decides whether it can merge, at times a moment after a push (FACTS §7.2); until then Merge waits.
  const mergeState = pr?.state === "open" ? pr.mergeState : null;
  const canMerge = mergeState ? mergeState === "mergeable" : pr?.mergeable !== false;
  const whyNot = mergeState ? MERGE_STATE_TEXT[mergeState].why : pr?.mergeable === false ? "Gitea cannot merge it as it is" : null;
  // A move between public and private copies the branch's commits (new SHAs): the view reloads its document afterwards.
  const flip = async (then?: "pr") => {
    const ok = await run("visibility", () => api(paths.branch(slug, branch.name), { method: "PATCH", json: { visibility: isPrivate ? "public" : "private" } }));
    if (!ok) return;
    if (then === "pr") setDialog("pr");
    else openView(viewUrl(slug, branch.name));
  };
  const settle = (verb: "merge" | "close") => run(verb, () => api(`${paths.pr(slug, pr!.number)}/${verb}`, { method: "POST", json: {} }));
  const remove = async () => {
    if (await run("delete", () => api(paths.branch(slug, branch.name), { method: "DELETE" }))) openView(viewUrl(slug, "main"));
  };

  // The PR action stays in sight; the rest sits in a menu so the toolbar fits on one line.
  const more: MenuItem[] = [
    ...(pr?.state === "open" && perms.mergePr ? [{ label: `Close PR #${pr.number}`, onSelect: () => void settle("close") }] : []),
    ...(perms.flipVisibility && open
      ? [{ label: isPrivate ? "Make public…" : "Make private…", onSelect: () => setDialog("visibility"), hint: isPrivate ? "Everyone will be able to read it" : "Only its creator, the owners, arbiters and admins will see it" }]
      : []),
    ...(open && perms.deleteBranch ? [{ label: "Delete branch…", onSelect: () => setDialog("delete"), danger: true }] : []),
  ];

  return (
    <div className="flex flex-wrap items-center gap-2">
      {pr?.state === "open" && perms.mergePr ? (
        // A disabled button gets no hover or focus: the tooltip sits on a focusable wrapper.
        <Tip text={canMerge ? null : whyNot}>
          <span tabIndex={canMerge ? undefined : 0} className="inline-flex">
            <button type="button" className={BTN.small} disabled={!!busy || !canMerge} onClick={() => void settle("merge")}>
              {busy === "merge" ? "Merging…" : `Merge PR #${pr.number}`}
            </button>
          </span>
        </Tip>
      ) : null}
      {open && perms.openPr && pr?.state !== "open" ? (
        <button type="button" className={BTN.small} onClick={() => setDialog(isPrivate ? "public-for-pr" : "pr")}>
          Open PR
        </button>
      ) : null}
      {busy && busy !== "merge" ? <span className="text-xs text-slate-500">Working…</span> : null}
      <MenuButton label="More branch actions" items={more}>
        More ▾
      </MenuButton>
      {error ? <span role="alert" className="text-xs text-rose-700">{error}</span> : null}
      {dialog === "pr" ? <OpenPrDialog slug={slug} branch={branch.name} onClose={() => setDialog(null)} onDone={() => (setDialog(null), onChanged())} /> : null}
      {dialog === "visibility" || dialog === "public-for-pr" ? (
        <VisibilityDialog
          branch={branch.name}
          toPublic={isPrivate}
          forPr={dialog === "public-for-pr"}
          busy={busy === "visibility"}
          error={error}
          onConfirm={() => void flip(dialog === "public-for-pr" ? "pr" : undefined)}
          onClose={() => (setDialog(null), setError(null))}
        />
      ) : null}
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

/** What a move between public and private means (README "What private means"), before it happens. */
function VisibilityDialog(p: { branch: string; toPublic: boolean; forPr: boolean; busy: boolean; error: string | null; onConfirm: () => void; onClose: () => void }) {
  const title = p.forPr ? "A pull request is public" : p.toPublic ? `Make ${p.branch} public?` : `Make ${p.branch} private?`;
  return (
    <Modal title={title} onClose={p.onClose}>
      <div className="space-y-2 text-sm text-slate-700">
        {p.forPr ? <p>Everyone can read a pull request and its branch. To open one, {p.branch} must be public first.</p> : null}
        {p.toPublic ? (
          <p>
            {p.branch} moves to the RFC&apos;s repository, where everyone can read it and its history, in Quorum and in Gitea. Its commits are copied
            with their messages, authors and dates.
          </p>
        ) : (
          <p>
            {p.branch} moves to a private repository in Gitea that only its creator, the RFC&apos;s owners and arbiters can read (and admins, in Quorum).
            Its commits are copied there, and it disappears from the RFC&apos;s repository.
          </p>
        )}
        <p className="text-xs text-slate-500">The text, the conversation and pending changes stay as they are; commit ids change.</p>
      </div>
      {p.error ? <p role="alert" className="mt-3 text-sm text-rose-700">{p.error}</p> : null}
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" className={BTN.ghost} onClick={p.onClose}>
          Cancel
        </button>
        <button type="button" className={BTN.primary} disabled={p.busy} onClick={p.onConfirm}>
          {p.busy ? "Moving…" : p.forPr ? "Make public and open a PR" : p.toPublic ? "Make public" : "Make private"}
        </button>
      </div>
    </Modal>
  );
}

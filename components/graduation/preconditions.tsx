"use client";

import { useState } from "react";
import type { BlockingPr, GraduationCheck } from "@/lib/graduation/types";
import { api, paths } from "@/lib/client/api";

// §13.2 what graduation needs: an owner (else "Claim ownership", §13.1) and
// no open body-edit PR (§9.8), each listed with the actions the viewer has.

type Props = { slug: string; check: GraduationCheck; onChanged: () => void };

function Requirement({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return (
    <li className="flex gap-2 text-sm">
      <span aria-hidden className={ok ? "text-emerald-600" : "text-amber-600"}>{ok ? "✓" : "!"}</span>
      <div className="min-w-0 flex-1">{children}</div>
    </li>
  );
}

function BlockingPrRow({ slug, pr, onChanged }: { slug: string; pr: BlockingPr; onChanged: () => void }) {
  const [busy, setBusy] = useState<"merge" | "close" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (verb: "merge" | "close") => {
    setBusy(verb);
    setError(null);
    const res = await api(`${paths.rfc(slug)}/prs/${pr.number}/${verb}`, { method: "POST", json: {} });
    setBusy(null);
    if (res.ok) onChanged();
    else setError(res.message);
  };
  const button = "rounded border px-2 py-0.5 text-xs font-medium disabled:opacity-50";
  return (
    <li className="flex flex-wrap items-center gap-2 py-1">
      <a href={pr.url} target="_blank" rel="noreferrer" className="text-indigo-700 underline-offset-2 hover:underline">
        #{pr.number} {pr.title}
      </a>
      <span className="text-xs text-slate-500">
        {pr.branchName} · by {pr.openedBy}
      </span>
      {pr.actions.merge && (
        <button type="button" className={`${button} border-emerald-300 text-emerald-800 hover:bg-emerald-50`} disabled={!!busy} onClick={() => act("merge")}>
          {busy === "merge" ? "Merging…" : "Merge"}
        </button>
      )}
      {pr.actions.withdraw && (
        <button type="button" className={`${button} border-slate-300 text-slate-700 hover:bg-slate-100`} disabled={!!busy} onClick={() => act("close")}>
          {busy === "close" ? "Withdrawing…" : "Withdraw"}
        </button>
      )}
      {error && <p role="alert" className="w-full text-xs text-red-700">{error}</p>}
    </li>
  );
}

/** An open claim: its owners and admins merge or close it right here (§13.1). */
function OpenClaim({ slug, claim, canSettle, onChanged }: { slug: string; claim: { number: number; openedBy: string }; canSettle: boolean; onChanged: () => void }) {
  const [busy, setBusy] = useState<"merge" | "close" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (verb: "merge" | "close") => {
    setBusy(verb);
    setError(null);
    const res = await api(`${paths.rfc(slug)}/prs/${claim.number}/${verb}`, { method: "POST", json: { repo: "meta" } });
    setBusy(null);
    if (res.ok) onChanged();
    else setError(res.message);
  };
  const button = "rounded border px-2 py-0.5 text-xs font-medium disabled:opacity-50";
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
      <span>
        Claim #{claim.number} by {claim.openedBy} is open{canSettle ? "." : " and waits for an owner or admin to merge it."}
      </span>
      {canSettle ? (
        <>
          <button type="button" className={`${button} border-emerald-300 text-emerald-800 hover:bg-emerald-50`} disabled={!!busy} onClick={() => void act("merge")}>
            {busy === "merge" ? "Merging…" : "Merge claim"}
          </button>
          <button type="button" className={`${button} border-slate-300 text-slate-700 hover:bg-slate-100`} disabled={!!busy} onClick={() => void act("close")}>
            {busy === "close" ? "Closing…" : "Close claim"}
          </button>
        </>
      ) : null}
      {error ? <p role="alert" className="w-full text-red-700">{error}</p> : null}
    </div>
  );
}

function ClaimButton({ slug, check, onChanged }: Props) {
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({ busy: false, message: null, failed: false });
  const open = check.viewer.openClaim;
  if (open) return <OpenClaim slug={slug} claim={open} canSettle={check.viewer.canSettleClaim} onChanged={onChanged} />;
  if (!check.viewer.canClaim) return null;
  const claim = async () => {
    setState({ busy: true, message: null, failed: false });
    const res = await api<{ status: string; prNumber?: number }>(`${paths.rfc(slug)}/claim`, { method: "POST", json: {} });
    if (!res.ok) return setState({ busy: false, message: res.message, failed: true });
    const message = res.data.status === "opened" ? `Claim #${res.data.prNumber} opened: an owner or admin merges it.` : "You already own this RFC.";
    setState({ busy: false, message, failed: false });
    onChanged();
  };
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2">
      <button type="button" onClick={claim} disabled={state.busy} className="rounded border border-indigo-300 px-2 py-1 text-xs font-medium text-indigo-800 hover:bg-indigo-50 disabled:opacity-50">
        {state.busy ? "Claiming…" : "Claim ownership"}
      </button>
      {state.message && <p role={state.failed ? "alert" : "status"} className={`text-xs ${state.failed ? "text-red-700" : "text-slate-600"}`}>{state.message}</p>}
    </div>
  );
}

export function Preconditions({ slug, check, onChanged }: Props) {
  return (
    <section aria-labelledby="graduate-preconditions" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
      <h3 id="graduate-preconditions" className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Preconditions</h3>
      <ul className="space-y-1.5">
        <Requirement ok={check.owners.ok}>
          {check.owners.ok ? <>Owners: {check.owners.logins.join(", ")}</> : check.owners.message}
          <ClaimButton slug={slug} check={check} onChanged={onChanged} />
        </Requirement>
        <Requirement ok={check.blockingPrs.ok}>
          {check.blockingPrs.ok ? "No open body-edit PRs" : check.blockingPrs.message}
          {check.blockingPrs.items.length > 0 && (
            <ul className="mt-1">
              {check.blockingPrs.items.map((pr) => (
                <BlockingPrRow key={pr.number} slug={slug} pr={pr} onChanged={onChanged} />
              ))}
            </ul>
          )}
        </Requirement>
      </ul>
    </section>
  );
}

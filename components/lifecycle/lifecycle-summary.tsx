"use client";

import type { LifecycleView } from "@/lib/contracts/lifecycle";
import { PeriodLine } from "./motion-card";
import { shortDate } from "./format";
import { Logins } from "./people";

// The lifecycle bar's one line: where the RFC stands (§3).

const clip = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function LifecycleSummary({ view, skewMs }: { view: LifecycleView; skewMs: number }) {
  if (view.withdrawal) {
    return (
      <p className="min-w-0 text-slate-800">
        <strong className="font-semibold">Withdrawn</strong> on {shortDate(view.withdrawal.at)} by @{view.withdrawal.by}: <span className="italic">{clip(view.withdrawal.reason)}</span>
        <span className="text-slate-500"> · read-only record</span>
      </p>
    );
  }
  if (view.decision) {
    const label = view.decision.outcome === "accepted" ? "Accepted" : "Rejected";
    return (
      <p className="min-w-0 text-slate-800">
        <strong className="font-semibold">{label}</strong> on {shortDate(view.decision.at)} by <Logins logins={view.decision.by} />: <span className="italic">{clip(view.decision.rationale)}</span>
        <span className="text-slate-500"> · read-only record</span>
      </p>
    );
  }
  const claims = view.metaPrs.filter((p) => p.kind === "claim");
  if (view.state === "super-draft") {
    return (
      <p className="min-w-0 text-slate-800">
        {view.owners.length ? (
          <>
            Owners: <Logins logins={view.owners} />
          </>
        ) : (
          <strong className="font-semibold">No owner yet</strong>
        )}
        {claims.map((c) => (
          <span key={c.number} className="text-slate-600">
            {" "}
            · {c.openedBy === view.viewer.login ? "your claim" : `claim by @${c.openedBy}`} #{c.number} waits for an owner or an admin
          </span>
        ))}
      </p>
    );
  }
  const m = view.motion;
  if (m && !m.outcome) {
    return (
      <p className="min-w-0 text-slate-800">
        <strong className="font-semibold">Motion to {m.disposition}</strong> by @{m.movedBy} · <PeriodLine motion={m} skewMs={skewMs} />
      </p>
    );
  }
  return (
    <p className="min-w-0 text-slate-700">
      {m?.outcome === "postponed" ? <>Postponed on {shortDate(m.closedAt ?? "")} · </> : null}
      Arbiters: <Logins logins={view.arbiters} empty="none yet" /> · no open motion
    </p>
  );
}

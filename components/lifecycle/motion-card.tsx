"use client";

import { useState } from "react";
import type { LifecycleView, MotionView } from "@/lib/contracts/lifecycle";
import { BTN } from "@/components/rfc/styles";
import { Countdown, useServerNow } from "./countdown";
import { formatRemaining } from "./format";
import { dateTime } from "./format";
import { Logins } from "./people";
import type { Act } from "./use-lifecycle";

// A motion (§3 state 4): what it proposes, each arbiter's sign-off, the
// concerns, and the final comment period — running with a countdown,
// paused by a concern, or ended.

const OUTCOME = { accepted: "Carried: accepted", rejected: "Carried: rejected", postponed: "Carried: postponed", cancelled: "Cancelled", superseded: "Superseded" } as const;

export function PeriodLine({ motion, skewMs }: { motion: MotionView; skewMs: number }) {
  const s = motion.status;
  const needed = s.needed === null ? "no arbiters yet" : `${s.signedOff.length} of ${s.needed} sign-off${s.needed === 1 ? "" : "s"}`;
  if (s.phase === "running" && s.endsAt) return <>Final comment period: <Countdown endsAt={s.endsAt} skewMs={skewMs} /></>;
  if (s.phase === "due") return <>Final comment period ended — recording the outcome…</>;
  if (s.phase === "paused") return <>Final comment period paused by {s.openConcernIds.length === 1 ? "a concern" : `${s.openConcernIds.length} concerns`} · {formatRemaining(s.remainingMs ?? 0)} left when it resumes</>;
  if (s.phase === "closed") return <>{motion.outcome ? OUTCOME[motion.outcome] : "Closed"}</>;
  return <>Waiting for sign-offs: {needed}{s.openConcernIds.length ? ` · ${s.openConcernIds.length} open concern${s.openConcernIds.length === 1 ? "" : "s"}` : ""}</>;
}

function Progress({ motion, skewMs }: { motion: MotionView; skewMs: number }) {
  const now = useServerNow(skewMs);
  const s = motion.status;
  const total = motion.periodDays * 86_400_000;
  const left = s.phase === "running" && s.endsAt ? Date.parse(s.endsAt) - now : (s.remainingMs ?? total);
  const done = Math.min(1, Math.max(0, 1 - left / total));
  return (
    <div className="h-1.5 w-full overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-label="Final comment period" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(done * 100)}>
      <div className={`h-full ${s.phase === "paused" ? "bg-amber-400" : "bg-indigo-500"}`} style={{ width: `${done * 100}%` }} />
    </div>
  );
}

export function MotionCard({ view, act, skewMs, onConcern }: { view: LifecycleView; act: Act; skewMs: number; onConcern: () => void }) {
  const motion = view.motion!;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = !motion.outcome && motion.status.phase !== "due" && view.state === "active";
  const me = view.viewer.login;
  const signed = !!me && motion.signOffs.some((s) => s.by === me);
  const run = async (key: string, path: string, body?: unknown) => {
    setBusy(key);
    setError(null);
    const res = await act(path, body);
    setBusy(null);
    if (!res.ok) setError(res.message);
  };
  const started = motion.status.phase === "running" || motion.status.phase === "paused" || motion.status.phase === "due";
  return (
    <section aria-labelledby="motion-heading" className="rounded-lg border border-slate-200 bg-white p-4" data-motion-phase={motion.status.phase}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id="motion-heading" className="text-sm font-semibold text-slate-900">
            Motion to {motion.disposition}
          </h3>
          <p className="text-xs text-slate-500">
            moved by @{motion.movedBy} · {dateTime(motion.movedAt)} · {motion.periodDays}-day final comment period
          </p>
        </div>
        {open && view.viewer.isArbiter ? (
          <div className="flex shrink-0 gap-2">
            {!signed ? (
              <button type="button" className={BTN.primary} disabled={!!busy} onClick={() => void run("sign", "/motion/sign-off")}>
                {busy === "sign" ? "Signing…" : "Sign off"}
              </button>
            ) : null}
            <button type="button" className={BTN.secondary} disabled={!!busy} onClick={onConcern}>
              Raise a concern
            </button>
          </div>
        ) : null}
      </div>
      {motion.summary ? <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">{motion.summary}</p> : null}
      <p className="mt-3 text-sm font-medium text-slate-800" data-testid="motion-period">
        <PeriodLine motion={motion} skewMs={skewMs} />
      </p>
      {started ? <div className="mt-2"><Progress motion={motion} skewMs={skewMs} /></div> : null}

      <h4 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Arbiters</h4>
      <ul className="mt-1 space-y-1 text-sm">
        {view.arbiters.map((a) => {
          const s = motion.signOffs.find((x) => x.by === a);
          return (
            <li key={a} className="flex items-center gap-2" data-arbiter={a} data-signed={s ? "yes" : "no"}>
              <span aria-hidden className={s ? "text-emerald-600" : "text-slate-400"}>{s ? "✓" : "○"}</span>
              <span className="text-slate-900">@{a}</span>
              <span className="text-xs text-slate-500">{s ? `signed off ${dateTime(s.at)}` : "has not signed off"}</span>
            </li>
          );
        })}
      </ul>

      {motion.concerns.length ? (
        <>
          <h4 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Concerns</h4>
          <ul className="mt-1 space-y-2">
            {motion.concerns.map((c) => (
              <li key={c.id} className={`rounded-md px-3 py-2 text-sm ring-1 ring-inset ${c.resolvedAt ? "bg-slate-50 ring-slate-200" : "bg-amber-50 ring-amber-200"}`} data-concern={c.id} data-resolved={c.resolvedAt ? "yes" : "no"}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="font-medium text-slate-900">
                    {c.title} <span className="font-normal text-slate-500">— @{c.by}, {dateTime(c.at)}</span>
                  </p>
                  {c.resolvedAt ? (
                    <span className="text-xs text-emerald-700">resolved {dateTime(c.resolvedAt)}</span>
                  ) : open && me === c.by ? (
                    <button type="button" className={BTN.small} disabled={!!busy} onClick={() => void run(c.id, `/motion/concerns/${encodeURIComponent(c.id)}/resolve`)}>
                      {busy === c.id ? "Resolving…" : "Resolve"}
                    </button>
                  ) : (
                    <span className="text-xs text-amber-800">open — blocks until @{c.by} resolves it</span>
                  )}
                </div>
                {c.text ? <p className="mt-1 whitespace-pre-wrap text-slate-700">{c.text}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {open && view.viewer.canCancelMotion ? (
        <div className="mt-4 border-t border-slate-100 pt-3">
          <button type="button" className={BTN.ghost} disabled={!!busy} onClick={() => void run("cancel", "/motion/cancel", {})}>
            {busy === "cancel" ? "Cancelling…" : "Cancel the motion"}
          </button>
        </div>
      ) : null}
      {error ? <p role="alert" className="mt-2 text-sm text-rose-700">{error}</p> : null}
      {!view.arbiters.length ? <p className="mt-2 text-sm text-slate-600">This RFC has no arbiters: <Logins logins={[]} empty="add them with Edit metadata" />.</p> : null}
    </section>
  );
}

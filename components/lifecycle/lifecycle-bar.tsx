"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { LifecycleView } from "@/lib/contracts/lifecycle";
import { MenuButton, type MenuItem } from "@/components/rfc/menu-button";
import { BTN } from "@/components/rfc/styles";
import { ConcernDialog } from "./concern-dialog";
import { DecisionDialog } from "./decision-dialog";
import { LifecycleSummary } from "./lifecycle-summary";
import { MetaPrRow } from "./meta-pr-list";
import { MetadataDialog } from "./metadata-dialog";
import { MotionCard } from "./motion-card";
import { MotionDialog } from "./motion-dialog";
import { Timeline } from "./timeline";
import { publishRfcState } from "./rfc-state";
import { useLifecycle } from "./use-lifecycle";
import { WithdrawDialog } from "./withdraw-dialog";

// The RFC's lifecycle on its page (§3, §13.1): one line saying where it
// stands with the viewer's next step (claim, sign off, start a motion…), and
// a panel with the motion, the open claims and metadata changes (Merge /
// Close for owners and admins) and the timeline. Live for everyone (SSE).

type Dialog = "withdraw" | "decision" | "motion" | "concern" | "metadata";

const TONE: Record<string, string> = {
  "super-draft": "bg-amber-50/60 border-amber-200",
  active: "bg-indigo-50/50 border-indigo-100",
  accepted: "bg-emerald-50 border-emerald-200",
  rejected: "bg-rose-50 border-rose-200",
  withdrawn: "bg-slate-100 border-slate-200",
};

export function LifecycleBar({ slug, initial }: { slug: string; initial: LifecycleView }) {
  const { view, act, reload, skewMs } = useLifecycle(slug, initial);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [claiming, setClaiming] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const v = view.viewer;
  const motionOpen = !!view.motion && !view.motion.outcome && view.state === "active";
  const needsMe = (motionOpen && v.isArbiter) || (v.canSettleMetaPrs && view.metaPrs.length > 0);
  const [open, setOpen] = useState(needsMe || motionOpen);
  // A motion that starts, or something that waits for this viewer, opens the panel (closing it again is theirs).
  useEffect(() => {
    if (needsMe || motionOpen) setOpen(true);
  }, [needsMe, motionOpen]);
  const signed = !!v.login && !!view.motion?.signOffs.some((s) => s.by === v.login);
  // The rest of the page follows: a record goes read-only at once (rfc-state.ts); new owners or
  // arbiters change what it offers, so it is rendered again (a graduation's own dialog reloads it).
  const router = useRouter();
  useEffect(() => publishRfcState(slug, view.state), [slug, view.state]);
  const stewards = `${view.owners.join(",")}|${view.arbiters.join(",")}`;
  const seen = useRef(stewards);
  useEffect(() => {
    if (seen.current === stewards) return;
    seen.current = stewards;
    router.refresh();
  }, [stewards, router]);

  const claim = async () => {
    setClaiming({ busy: true, error: null });
    const res = await act("/claim");
    setClaiming({ busy: false, error: res.ok ? null : res.message });
    void reload(); // the claim route answers without the lifecycle
  };
  const more: MenuItem[] = [
    ...(v.canEditMetadata ? [{ label: "Edit metadata…", onSelect: () => setDialog("metadata") }] : []),
    ...(v.canDecide ? [{ label: "Record the decision…", onSelect: () => setDialog("decision") }] : []),
    ...(v.canWithdraw ? [{ label: "Withdraw…", onSelect: () => setDialog("withdraw"), danger: true }] : []),
  ];
  const [signing, setSigning] = useState(false);
  const signOff = async () => {
    setSigning(true);
    await act("/motion/sign-off");
    setSigning(false);
  };

  return (
    <section aria-label="Lifecycle" className={`shrink-0 border-b text-sm ${TONE[view.state] ?? TONE.withdrawn}`} data-lifecycle-state={view.state}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2 lg:px-6">
        <LifecycleSummary view={view} skewMs={skewMs} />
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {v.canClaim ? (
            <button type="button" className={BTN.primary} disabled={claiming.busy} onClick={() => void claim()}>
              {claiming.busy ? "Claiming…" : "Claim ownership"}
            </button>
          ) : null}
          {motionOpen && v.isArbiter && !signed && view.motion?.status.phase !== "due" ? (
            <button type="button" className={BTN.primary} disabled={signing} onClick={() => void signOff()}>
              {signing ? "Signing…" : "Sign off"}
            </button>
          ) : null}
          {v.canMove ? (
            <button type="button" className={BTN.secondary} onClick={() => setDialog("motion")}>
              Start a motion
            </button>
          ) : null}
          <MenuButton label="More lifecycle actions" items={more}>
            More ▾
          </MenuButton>
          <button type="button" className={BTN.ghost} aria-expanded={open} aria-controls="lifecycle-panel" onClick={() => setOpen((o) => !o)}>
            {open ? "Hide details" : "Details & timeline"}
          </button>
        </div>
        {claiming.error ? (
          <p role="alert" className="w-full text-sm text-rose-700">
            {claiming.error}
          </p>
        ) : null}
      </div>
      {open ? (
        // Focusable: it scrolls, and a record's panel may hold no control to reach it by keyboard (axe scrollable-region-focusable).
        <div id="lifecycle-panel" role="region" aria-label="Lifecycle details" tabIndex={0} className="max-h-[55vh] overflow-y-auto border-t border-slate-200 bg-white/70 px-4 py-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 lg:px-6">
          <div className="grid gap-6 min-[1700px]:grid-cols-[minmax(0,1fr)_minmax(16rem,24rem)]">
            <div className="min-w-0 space-y-4">
              {view.motionProblem ? (
                <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200">
                  The motion in the meta entry cannot be read ({view.motionProblem}); mend the entry in Git.
                </p>
              ) : null}
              {view.motion ? <MotionCard view={view} act={act} skewMs={skewMs} onConcern={() => setDialog("concern")} /> : null}
              {view.metaPrs.length ? (
                <section aria-labelledby="meta-prs-heading">
                  <h3 id="meta-prs-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                    Open claims and metadata changes
                  </h3>
                  <ul className="mt-1 divide-y divide-slate-200">
                    {view.metaPrs.map((pr) => (
                      <MetaPrRow key={pr.number} slug={slug} pr={pr} canSettle={v.canSettleMetaPrs} onSettled={() => void reload()} />
                    ))}
                  </ul>
                </section>
              ) : null}
              {!view.motion && !view.metaPrs.length ? <Record view={view} /> : null}
            </div>
            <section aria-labelledby="timeline-heading">
              <h3 id="timeline-heading" className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                Timeline
              </h3>
              <Timeline items={view.timeline} />
            </section>
          </div>
        </div>
      ) : null}
      {dialog === "withdraw" ? <WithdrawDialog act={act} title={view.title} hasRepo={!!view.repo} onClose={() => setDialog(null)} /> : null}
      {dialog === "decision" ? <DecisionDialog act={act} title={view.title} openMotion={motionOpen} onClose={() => setDialog(null)} /> : null}
      {dialog === "motion" ? <MotionDialog act={act} title={view.title} fcpDays={view.fcpDays} rule={view.signOffsNeeded} onClose={() => setDialog(null)} /> : null}
      {dialog === "concern" ? <ConcernDialog act={act} onClose={() => setDialog(null)} /> : null}
      {dialog === "metadata" ? <MetadataDialog act={act} view={view} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}

/** What the panel says when there is no motion and nothing to merge. */
function Record({ view }: { view: LifecycleView }) {
  if (view.withdrawal) return <Quote label={`Withdrawn by @${view.withdrawal.by}`} text={view.withdrawal.reason} />;
  if (view.decision) return <Quote label={`${view.decision.outcome === "accepted" ? "Accepted" : "Rejected"} by ${view.decision.by.map((b) => `@${b}`).join(", ")}`} text={view.decision.rationale} />;
  if (view.state === "active")
    return <p className="text-slate-600">No motion yet. An owner or an arbiter starts one to accept, reject or postpone the RFC; the arbiters then sign off or raise concerns.</p>;
  return <p className="text-slate-600">A super-draft: it needs an owner before it can graduate into an RFC with its own repository.</p>;
}

function Quote({ label, text }: { label: string; text: string }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</figcaption>
      <blockquote className="mt-1 whitespace-pre-wrap text-slate-800">{text}</blockquote>
    </figure>
  );
}

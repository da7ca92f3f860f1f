"use client";

import type { Step, StepStatus } from "@/lib/graduation/types";

// §13.3 the live step list: forward steps, then the undo steps of a rollback
// as steps of their own. Status is shown by icon, colour and words.

const LOOK: Record<StepStatus, { icon: string; text: string; className: string }> = {
  pending: { icon: "○", text: "waiting", className: "text-slate-500" },
  running: { icon: "◐", text: "running", className: "text-indigo-600 motion-safe:animate-spin" },
  done: { icon: "✓", text: "done", className: "text-emerald-600" },
  failed: { icon: "✕", text: "failed", className: "text-red-600" },
  "not-reached": { icon: "–", text: "not reached", className: "text-slate-500" },
};

function StepRow({ step }: { step: Step }) {
  const look = LOOK[step.status];
  return (
    <li className="flex gap-3 py-1.5" data-step={step.key} data-status={step.status}>
      <span aria-hidden className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center text-base leading-none ${look.className}`}>
        {look.icon}
      </span>
      <div className="min-w-0">
        <p className={`text-sm ${step.status === "not-reached" ? "text-slate-500 line-through" : "text-slate-800"}`}>
          {step.label}
          <span className="sr-only">: {look.text}</span>
        </p>
        {step.detail && (
          <p className={`break-words text-xs ${step.status === "failed" ? "text-red-700" : "text-slate-500"}`}>{step.detail}</p>
        )}
      </div>
    </li>
  );
}

export function StepList({ steps }: { steps: Step[] }) {
  const forward = steps.filter((s) => s.kind === "forward");
  const undo = steps.filter((s) => s.kind === "undo");
  return (
    <div aria-live="polite" className="space-y-3">
      <ol aria-label="Graduation steps">
        {forward.map((s) => (
          <StepRow key={s.key} step={s} />
        ))}
      </ol>
      {undo.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-amber-800">Rolling back</p>
          <ol aria-label="Rollback steps">
            {undo.map((s) => (
              <StepRow key={s.key} step={s} />
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

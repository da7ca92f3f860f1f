"use client";

import { useState } from "react";
import type { MergePiece } from "@/lib/contracts";
import { conflictsOf, pickText, resolvedFile, writtenText, type Conflict, type Pick } from "@/lib/rfc-view/resolution";
import { Modal } from "./modal";
import { BTN } from "./styles";

// The one resolution view (§12 update from main, §8.11 a refused save): each
// place both sides changed, with the text before, mine and theirs side by
// side; the person picks mine, theirs or both, or writes the passage, and
// commits once every place is settled. Everything else merged on its own and
// is kept byte for byte (lib/rfc-view/resolution.ts).

type Props = {
  title: string;
  /** What the two sides are called: "This branch" / "Main", "Your version" / "Now on the branch". */
  labels: { mine: string; theirs: string };
  segments: MergePiece[];
  commitLabel: string;
  busy: boolean;
  error: string | null;
  onCommit: (text: string) => void;
  onClose: () => void;
};

const PICKS: { pick: Pick; label: (l: Props["labels"]) => string }[] = [
  { pick: "mine", label: (l) => `Use ${l.mine.toLowerCase()}` },
  { pick: "theirs", label: (l) => `Use ${l.theirs.toLowerCase()}` },
  { pick: "both", label: () => "Use both" },
];

export function ResolveMergeDialog(p: Props) {
  const conflicts = conflictsOf(p.segments);
  // Per place: the text in its box (null = not chosen yet).
  const [boxes, setBoxes] = useState<(string | null)[]>(() => conflicts.map(() => null));
  const resolved = boxes.map((b, i) => (b === null ? null : writtenText(conflicts[i], b)));
  const text = resolvedFile(p.segments, resolved);
  const left = boxes.filter((b) => b === null).length;
  const set = (i: number, value: string) => setBoxes((all) => all.map((b, j) => (j === i ? value : b)));
  return (
    <Modal title={p.title} onClose={p.onClose} width="max-w-6xl" canClose={!p.busy}>
      <p className="text-sm text-slate-700">
        {conflicts.length === 1 ? "One passage was" : `${conflicts.length} passages were`} changed on both sides. Everything else merged on its own. For each
        passage, take one side, both, or write what it should say.
      </p>
      <ol className="mt-3 space-y-5">
        {conflicts.map((c, i) => (
          <ConflictItem key={i} n={i + 1} c={c} labels={p.labels} value={boxes[i]} onChange={(v) => set(i, v)} />
        ))}
      </ol>
      {p.error ? (
        <p role="alert" className="mt-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200">
          {p.error}
        </p>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 pt-3">
        <span className="mr-auto text-xs text-slate-600">{left ? `${left} passage${left === 1 ? "" : "s"} still to choose` : "Every passage is chosen."}</span>
        <button type="button" className={BTN.secondary} onClick={p.onClose} disabled={p.busy}>
          Cancel
        </button>
        <button type="button" className={BTN.primary} disabled={p.busy || text === null} onClick={() => text !== null && p.onCommit(text)}>
          {p.busy ? "Committing…" : p.commitLabel}
        </button>
      </div>
    </Modal>
  );
}

function ConflictItem({ n, c, labels, value, onChange }: { n: number; c: Conflict; labels: Props["labels"]; value: string | null; onChange: (v: string) => void }) {
  const id = `conflict-${n}`;
  return (
    <li aria-labelledby={`${id}-title`} className="rounded-lg border border-amber-200 bg-amber-50/40 p-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        Passage {n} <span className="font-normal text-slate-600">· line {c.oursStartLine} of {labels.mine.toLowerCase()}</span>
      </h3>
      <div className="mt-2 grid gap-2 md:grid-cols-3">
        <Side title="Before" text={c.base} tone="bg-white text-slate-600" />
        <Side title={labels.mine} text={c.ours} tone="bg-sky-50 text-slate-900 ring-sky-200" />
        <Side title={labels.theirs} text={c.theirs} tone="bg-emerald-50 text-slate-900 ring-emerald-200" />
      </div>
      <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label={`Passage ${n}: take a side`}>
        {PICKS.map(({ pick, label }) => (
          <button key={pick} type="button" className={BTN.small} onClick={() => onChange(pickText(c, pick))}>
            {label(labels)}
          </button>
        ))}
      </div>
      <label className="mt-2 block text-xs font-medium text-slate-700" htmlFor={`${id}-result`}>
        Passage {n} will read
      </label>
      <textarea
        id={`${id}-result`}
        value={value ?? ""}
        placeholder="Take a side above, or write the passage here"
        onChange={(e) => onChange(e.target.value)}
        rows={Math.min(14, Math.max(3, (value ?? c.ours).split("\n").length + 1))}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-[13px] leading-5 text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
      />
    </li>
  );
}

function Side({ title, text, tone }: { title: string; text: string; tone: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-semibold text-slate-700">{title}</figcaption>
      <pre className={`max-h-56 overflow-auto whitespace-pre-wrap break-words rounded-md p-2 font-mono text-[12px] leading-5 ring-1 ring-slate-200 ${tone}`}>
        {text.replace(/\n+$/, "") || <em className="font-sans text-slate-500">(nothing)</em>}
      </pre>
    </figure>
  );
}

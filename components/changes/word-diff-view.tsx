import { wordDiff } from "@/lib/changes/word-diff";

// §8.8 original → proposed as one word-level diff: removed words struck
// through, added words underlined; a re-wrapped line is not a change.

export function WordDiffView({ original, proposed }: { original: string; proposed: string }) {
  const segments = wordDiff(original, proposed, { ignoreWrap: true });
  return (
    <p className="whitespace-pre-wrap break-words rounded-md bg-slate-50 px-2.5 py-2 text-[13px] leading-6 text-slate-800 ring-1 ring-slate-200">
      {segments.map((s, i) =>
        s.kind === "same" ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === "removed" ? (
          <del key={i} className="bg-rose-50 text-rose-800 decoration-rose-400">
            {s.text}
          </del>
        ) : (
          <ins key={i} className="bg-emerald-50 text-emerald-900 underline decoration-emerald-500 underline-offset-2">
            {s.text}
          </ins>
        ),
      )}
    </p>
  );
}

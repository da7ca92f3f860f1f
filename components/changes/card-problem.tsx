import type { Change } from "@/lib/contracts";
import { WordDiffView } from "./word-diff-view";

// Why a card cannot be accepted, on the card itself (issue 16): the reason,
// what the document holds where the model's text seemed to be (its exact
// source, so a person sees the markup the model left out), the repair's
// state, and — once a repair ran — every block the model tried.

const SOURCE = "mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-words rounded bg-white px-2 py-1 font-mono text-[12px] leading-5 text-slate-800 ring-1 ring-slate-200";

export function CardProblem({ change: c }: { change: Change }) {
  const problem = c.status !== "pending" && c.status !== "accepted" && c.status !== "declined" ? c.statusReason : null;
  const running = c.repair?.state === "running";
  const note = c.repair?.state === "failed" ? c.repair.note : null;
  if (!problem && !running && !note && c.attempts.length < 2) return null;
  return (
    <div className={`mt-2 space-y-2 rounded-md px-2.5 py-2 text-xs ring-1 ${problem ? "bg-orange-50 text-orange-900 ring-orange-200" : "bg-slate-50 text-slate-700 ring-slate-200"}`} data-card-problem>
      {problem ? <p className="font-medium">{problem}</p> : null}
      {c.status === "invalid" && c.documentHas.length ? (
        <div>
          <p>{c.documentHas.length > 1 ? "The document has, in each place:" : "The document has:"}</p>
          {c.documentHas.map((text, i) => (
            <pre key={i} className={SOURCE} data-document-has>
              {text}
            </pre>
          ))}
        </div>
      ) : null}
      {running ? (
        <p role="status" className="flex items-center gap-1.5 text-violet-800">
          <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-violet-500" />
          Asking the AI to fix this change…
        </p>
      ) : null}
      {note ? <p>{note}</p> : null}
      {c.attempts.length > 1 ? (
        <details>
          <summary className="cursor-pointer select-none font-medium">{c.repaired ? "The AI's first attempt" : `Both attempts (${c.attempts.length})`}</summary>
          <ol className="mt-1 space-y-2">
            {c.attempts.map((a, i) =>
              c.repaired && a.statusReason === null ? null : (
                <li key={i}>
                  <p className="mb-0.5 text-[11px] uppercase tracking-wide opacity-80">{i === 0 ? "First attempt" : "Repair"}</p>
                  <WordDiffView original={a.original} proposed={a.proposed} />
                  {a.statusReason ? <p className="mt-0.5">{a.statusReason}</p> : null}
                </li>
              ),
            )}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

import type { TimelineItem, TimelineKind } from "@/lib/contracts/lifecycle";
import { dateTime } from "./format";
import { Logins } from "./people";

// §3 the RFC's story, oldest first: who did what, when.

const DOT: Partial<Record<TimelineKind, string>> = {
  decided: "bg-emerald-500",
  withdrawn: "bg-slate-500",
  concern: "bg-amber-500",
  period_paused: "bg-amber-400",
  period_started: "bg-indigo-500",
  period_resumed: "bg-indigo-500",
  period_ended: "bg-indigo-700",
  motion: "bg-violet-500",
  sign_off: "bg-emerald-400",
};

export function Timeline({ items }: { items: TimelineItem[] }) {
  if (!items.length) return <p className="text-sm text-slate-500">Nothing recorded yet.</p>;
  return (
    <ol className="relative space-y-3 border-l border-slate-200 pl-4" aria-label="Timeline">
      {items.map((i) => (
        <li key={i.key} className="relative" data-timeline={i.kind}>
          <span aria-hidden className={`absolute -left-[21px] top-1.5 h-2.5 w-2.5 rounded-full ring-2 ring-white ${DOT[i.kind] ?? "bg-slate-300"}`} />
          <p className="text-sm text-slate-900">
            {i.text}
            {i.by.length ? (
              <span className="text-slate-600">
                {" "}
                — <Logins logins={i.by} />
              </span>
            ) : null}
          </p>
          <p className="text-xs text-slate-500">
            <time dateTime={i.at}>{dateTime(i.at)}</time>
          </p>
          {i.detail ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{i.detail}</p> : null}
        </li>
      ))}
    </ol>
  );
}

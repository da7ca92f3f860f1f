import type { ThreadSummary } from "@/lib/contracts";

/** The passage a sub-thread is about, with a "detached" badge when its text is gone (§8.12). */
export function AnchorQuote({ thread, clamp = true }: { thread: ThreadSummary; clamp?: boolean }) {
  const text = thread.anchor ? (thread.anchor.kind === "range" ? thread.anchor.quote : thread.anchor.blockText) : thread.title;
  return (
    <div className="flex items-start gap-2">
      <blockquote className={`min-w-0 flex-1 border-l-2 border-amber-300 pl-2 font-serif text-[13px] text-slate-700 ${clamp ? "line-clamp-2" : "max-h-40 overflow-y-auto whitespace-pre-wrap"}`}>
        {text}
      </blockquote>
      {thread.anchorState === "detached" ? (
        <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-600 ring-1 ring-inset ring-slate-300" title="The passage this thread was about is no longer in the document">
          detached
        </span>
      ) : null}
    </div>
  );
}

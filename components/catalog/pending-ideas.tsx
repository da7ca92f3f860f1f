import type { PendingIdea } from "@/lib/db/queries/pending-ideas";
import { Age } from "./age";
import { IdeaDecision } from "./idea-decision";
import { TagList } from "./tag-list";

/**
 * §7.3 pending ideas: open `propose/*` PRs with proposer, age and tags. Admins
 * merge (the idea becomes a super-draft) or decline with a reason.
 */
export function PendingIdeas({ ideas, canDecide, open }: { ideas: PendingIdea[]; canDecide: boolean; open: boolean }) {
  return (
    <details id="pending-ideas" open={open} className="group rounded-lg border border-slate-200 bg-white">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-lg px-4 py-3 hover:bg-slate-50">
        <span className="flex items-center gap-2 font-medium text-slate-900">
          <span aria-hidden className="inline-block transition-transform group-open:rotate-90">▸</span>
          Pending ideas
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-600">{ideas.length}</span>
        </span>
        <span className="text-sm text-slate-500">{canDecide ? "Merge or decline" : "Waiting for an admin"}</span>
      </summary>
      {ideas.length === 0 ? (
        <p className="border-t border-slate-200 px-4 py-4 text-sm text-slate-600">No ideas are waiting.</p>
      ) : (
        <ul className="divide-y divide-slate-200 border-t border-slate-200">
          {ideas.map((idea) => (
            <li key={idea.number} className="px-4 py-3" data-idea={idea.slug}>
              <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{idea.title}</p>
                  <p className="mt-0.5 text-sm text-slate-600">
                    <span className="font-mono text-xs text-slate-500">{idea.slug}</span> · proposed by @{idea.proposedBy} ·{" "}
                    <Age date={idea.openedAt} />
                  </p>
                  {idea.summary && <p className="mt-1 line-clamp-2 max-w-prose text-sm text-slate-700">{idea.summary}</p>}
                  {idea.tags.length > 0 && (
                    <div className="mt-1.5">
                      <TagList tags={idea.tags} />
                    </div>
                  )}
                </div>
                {canDecide && <IdeaDecision number={idea.number} title={idea.title} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

"use client";

import { Link } from "@/components/ui/link";
import type { BranchSummary } from "@/lib/contracts";
import { viewUrl } from "@/lib/client/api";
import { BranchStats, BranchTitle } from "./branch-badges";

/** The left column's branches of this RFC (§8.1), with state, PR and +/− (§9). */
export function BranchList({ slug, current, branches }: { slug: string; current: string; branches: BranchSummary[] }) {
  return (
    <section aria-labelledby="branches-heading">
      <h2 id="branches-heading" className="mb-1.5 px-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
        Branches
      </h2>
      <ul className="space-y-0.5">
        {branches.map((b) => (
          <li key={b.name}>
            <Link
              href={viewUrl(slug, b.name)}
              aria-current={b.name === current ? "page" : undefined}
              className={`block rounded-md px-2 py-1.5 hover:bg-slate-100 ${b.name === current ? "bg-indigo-50 ring-1 ring-inset ring-indigo-200" : ""}`}
            >
              <BranchTitle b={b} />
              {b.name !== "main" ? (
                <span className="mt-0.5 flex items-center gap-2">
                  <BranchStats b={b} />
                  {b.createdBy ? <span className="truncate text-[11px] text-slate-600">@{b.createdBy}</span> : null}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
      {branches.length === 1 ? <p className="mt-1 px-2 text-xs text-slate-600">No branches yet. Cut one to propose edits.</p> : null}
    </section>
  );
}

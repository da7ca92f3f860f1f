"use client";

import type { Highlighted } from "@/lib/catalog/highlight";
import type { CatalogRfc } from "@/lib/db/queries/catalog";
import { RowStatus } from "@/components/lifecycle/row-status";
import { Link } from "@/components/ui/link";
import { Age } from "./age";
import { STATE_BADGE, STATE_SINGULAR } from "./format";
import { MarkedText } from "./marked-text";
import { TagList } from "./tag-list";

type Props = {
  rfc: CatalogRfc;
  /** Search results mix states: each row says its own. */
  showState?: boolean;
  /** A search hit: the title with its marks, and the passage that matched. */
  hit?: { titleMarked: Highlighted; snippet: Highlighted };
};

/**
 * One RFC in the catalog: id, title (links to the RFC view), summary or
 * matched passage, owners, tags, last activity (§7). A client component, so
 * a page of rows travels in the React payload as their data (a few hundred
 * bytes each) instead of a second copy of their markup (issue 15).
 */
export function RfcRow({ rfc, showState, hit }: Props) {
  return (
    <li className="relative flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 focus-within:bg-slate-50 sm:flex-row sm:gap-4">
      <div className="flex shrink-0 items-center gap-2 font-mono text-xs text-slate-500 sm:w-24 sm:flex-col sm:items-start sm:pt-1">
        {rfc.rfcId ?? "—"}
        {showState && <span className={`rounded px-1.5 py-0.5 font-sans ring-1 ring-inset ${STATE_BADGE[rfc.state]}`}>{STATE_SINGULAR[rfc.state]}</span>}
      </div>
      <div className="min-w-0 flex-1">
        <Link href={`/rfcs/${rfc.slug}`} className="font-medium text-slate-900 after:absolute after:inset-0 hover:text-indigo-700 focus-visible:outline-none">
          {hit ? <MarkedText parts={hit.titleMarked} /> : rfc.title}
        </Link>
        {hit ? (
          hit.snippet.length > 0 && (
            <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">
              <MarkedText parts={hit.snippet} />
            </p>
          )
        ) : (
          rfc.summary && <p className="mt-0.5 line-clamp-1 text-sm text-slate-600">{rfc.summary}</p>
        )}
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          {rfc.owners.length ? (
            <span className="truncate">
              <span className="sr-only">Owners: </span>
              {rfc.owners.map((o) => `@${o}`).join(", ")}
            </span>
          ) : (
            <span className="italic text-slate-500">No owner yet</span>
          )}
          <TagList tags={rfc.tags} />
        </div>
        <RowStatus lifecycle={rfc.lifecycle} />
      </div>
      {/* On a phone the age sits at the right of the id line instead of a line of its own. */}
      <div className="absolute right-4 top-3 text-xs text-slate-500 sm:static sm:shrink-0 sm:pt-0.5 sm:text-sm">
        <Age date={rfc.lastActivityAt} />
      </div>
    </li>
  );
}

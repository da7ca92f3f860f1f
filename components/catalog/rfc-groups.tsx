import { Link } from "@/components/ui/link";
import { catalogHref } from "@/lib/catalog/filters";
import type { CatalogFilters, CatalogRfc } from "@/lib/db/queries/catalog";
import type { EntryState } from "@/lib/entries/schema";
import { STATE_BADGE, STATE_LABEL } from "./format";
import { RfcRow } from "./rfc-row";

type Group = { state: EntryState; total: number; rfcs: CatalogRfc[] };

/** §7: the RFCs grouped by state, the most recently active of each first; a link opens a state's full, paged list. */
export function RfcGroups({ groups, filters }: { groups: Group[]; filters: CatalogFilters }) {
  return (
    <div className="space-y-6">
      {groups.map((g) => (
        <section key={g.state} aria-labelledby={`group-${g.state}`}>
          <h2 id={`group-${g.state}`} className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-700">
            <span className={`rounded-md px-2 py-0.5 ring-1 ring-inset ${STATE_BADGE[g.state]}`}>{STATE_LABEL[g.state]}</span>
            <span className="font-normal text-slate-500">{g.total.toLocaleString("en")}</span>
          </h2>
          <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
            {g.rfcs.map((rfc) => (
              <RfcRow key={rfc.slug} rfc={rfc} />
            ))}
          </ul>
          {g.total > g.rfcs.length && (
            <Link href={catalogHref({ ...filters, state: g.state })} className="mt-2 inline-block text-sm font-medium text-indigo-700 hover:underline">
              All {g.total.toLocaleString("en")} {STATE_LABEL[g.state].toLowerCase()} →
            </Link>
          )}
        </section>
      ))}
    </div>
  );
}

import Link from "next/link";
import type { CatalogGroup } from "@/lib/db/queries/catalog";
import { STATE_BADGE, STATE_LABEL } from "./format";
import { RfcRow } from "./rfc-row";

/** §7: the RFCs grouped by state, or an empty state that says what to do next. */
export function RfcGroups({ groups, filtered, canPropose }: { groups: CatalogGroup[]; filtered: boolean; canPropose: boolean }) {
  if (!groups.length) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        {filtered ? (
          <>
            <p className="font-medium text-slate-900">No RFCs match these filters.</p>
            <Link href="/" className="mt-2 inline-block text-sm text-indigo-700 underline hover:text-indigo-900">
              Clear the filters
            </Link>
          </>
        ) : (
          <>
            <p className="font-medium text-slate-900">No RFCs yet — propose an idea.</p>
            <p className="mt-1 text-sm text-slate-600">An idea becomes a super-draft once an admin accepts it.</p>
            {canPropose && (
              <Link href="/propose" className="mt-4 inline-block rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700">
                Propose an idea
              </Link>
            )}
          </>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {groups.map((g) => (
        <section key={g.state} aria-labelledby={`group-${g.state}`}>
          <h2 id={`group-${g.state}`} className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-700">
            <span className={`rounded-md px-2 py-0.5 ring-1 ring-inset ${STATE_BADGE[g.state]}`}>{STATE_LABEL[g.state]}</span>
            <span className="font-normal text-slate-500">{g.rfcs.length}</span>
          </h2>
          <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
            {g.rfcs.map((rfc) => (
              <RfcRow key={rfc.slug} rfc={rfc} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

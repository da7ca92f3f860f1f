import { Link } from "@/components/ui/link";
import { catalogHref, hasFilters } from "@/lib/catalog/filters";
import type { CatalogView } from "@/lib/catalog/catalog-view";
import { STATE_LABEL } from "./format";
import { Pagination } from "./pagination";
import { RfcGroups } from "./rfc-groups";
import { RfcRow } from "./rfc-row";
import { StateTabs } from "./state-tabs";

const n = (x: number) => x.toLocaleString("en");
const list = "divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white";

/** The catalog's list for its URL (lib/catalog/catalog-view.ts), with the state tabs and an empty state that says what to do next. */
export function CatalogResults({ view, canPropose }: { view: CatalogView; canPropose: boolean }) {
  const { counts, filters } = view;
  const shown = filters.state ? counts.matching[filters.state] : counts.matchingTotal;
  return (
    <div className="space-y-4">
      {counts.all > 0 && <StateTabs filters={filters} counts={counts} />}
      {view.kind === "search" && shown > 0 && (
        <p className="text-sm text-slate-600" role="status">
          {n(shown)} {shown === 1 ? "RFC matches" : "RFCs match"} “{filters.q}”, best match first.
        </p>
      )}
      {shown === 0 ? (
        <Empty view={view} canPropose={canPropose} />
      ) : view.kind === "overview" ? (
        <RfcGroups groups={view.groups} filters={filters} />
      ) : (
        <>
          {(view.kind === "search" ? view.hits.length : view.rfcs.length) === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
              There is no page {n(view.page)}.{" "}
              <Link href={catalogHref(filters)} className="text-indigo-700 underline">
                Go to the first page
              </Link>
            </p>
          ) : (
            <ul className={list} aria-label={view.kind === "search" ? "Search results" : `${STATE_LABEL[view.state]}, page ${view.page}`}>
              {view.kind === "search"
                ? view.hits.map(({ titleMarked, snippet, ...rfc }) => (
                    // A hit shows its passage, never the summary: the row's data leaves it out of the page (issue 15).
                    <RfcRow key={rfc.slug} rfc={{ ...rfc, summary: "" }} showState hit={{ titleMarked, snippet }} />
                  ))
                : view.rfcs.map((r) => <RfcRow key={r.slug} rfc={r} />)}
            </ul>
          )}
          <Pagination filters={filters} page={view.page} pages={view.pages} />
        </>
      )}
    </div>
  );
}

function Empty({ view, canPropose }: { view: CatalogView; canPropose: boolean }) {
  if (view.counts.all > 0 || hasFilters(view.filters)) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        <p className="font-medium text-slate-900">{view.filters.q ? `No RFCs match “${view.filters.q}”.` : "No RFCs match these filters."}</p>
        <Link href="/" className="mt-2 inline-block text-sm text-indigo-700 underline hover:text-indigo-900">
          Clear the filters
        </Link>
      </div>
    );
  }
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <p className="font-medium text-slate-900">No RFCs yet — propose an idea.</p>
      <p className="mt-1 text-sm text-slate-600">An idea becomes a super-draft once an admin accepts it.</p>
      {canPropose && (
        <Link href="/propose" className="mt-4 inline-block rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700">
          Propose an idea
        </Link>
      )}
    </div>
  );
}

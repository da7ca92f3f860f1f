import { CatalogFilterForm } from "@/components/catalog/catalog-filters";
import { CatalogResults } from "@/components/catalog/catalog-results";
import { PendingIdeas } from "@/components/catalog/pending-ideas";
import { ProposedNotice } from "@/components/catalog/proposed-notice";
import { Link } from "@/components/ui/link";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { loadCatalogView } from "@/lib/catalog/catalog-view";
import { parseCatalogFilters, parseCatalogPage } from "@/lib/catalog/filters";
import { listCatalogFacets } from "@/lib/db/queries/catalog";
import { listPendingIdeas } from "@/lib/db/queries/pending-ideas";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const n = (x: number) => x.toLocaleString("en");

// §7 the catalog: reads only the database (§2); search, filters and the page
// are in the URL, and the page holds one page of RFCs whatever their number.
export default async function CatalogPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = parseCatalogFilters(params);
  const proposed = typeof params.proposed === "string" ? params.proposed : null;
  const [view, facets, ideas, user] = await Promise.all([
    loadCatalogView(filters, parseCatalogPage(params)),
    listCatalogFacets(),
    listPendingIdeas(),
    getCurrentUser(),
  ]);
  // Ideas have no owners yet, so this is "is an admin" (§6 merge meta PRs).
  const canDecide = can(user, "merge_meta_pr", { rfc: { owners: [], arbiters: [] } });
  const canPropose = can(user, "propose");
  const total = view.counts.all;

  return (
    <main className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">RFCs</h1>
          <p className="mt-1 text-sm text-slate-600">
            {n(total)} {total === 1 ? "RFC" : "RFCs"} · {ideas.length} pending {ideas.length === 1 ? "idea" : "ideas"}
          </p>
        </div>
        {canPropose ? (
          <Link href="/propose" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700">
            Propose an idea
          </Link>
        ) : (
          <p className="text-sm text-slate-600">Sign in to propose an idea.</p>
        )}
      </div>
      {proposed && (
        <div className="mt-4">
          <ProposedNotice slug={proposed} ideas={ideas} />
        </div>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)] xl:grid-cols-[17rem_minmax(0,1fr)]">
        <aside className="lg:sticky lg:top-6 lg:self-start">
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <CatalogFilterForm filters={filters} tags={facets.tags} owners={facets.owners} />
          </div>
        </aside>
        <div className="min-w-0 space-y-6">
          <PendingIdeas ideas={ideas} canDecide={canDecide} open={!!proposed} />
          <CatalogResults view={view} canPropose={canPropose} />
        </div>
      </div>
    </main>
  );
}

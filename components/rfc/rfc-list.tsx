import { Link } from "@/components/ui/link";
import { listRecentRfcs } from "@/lib/db/queries/catalog";
import { viewUrl } from "@/lib/client/api";

// The left column's catalog part (§8.1), under the RFC's branches
// (BranchList, client state): a search box into the catalog and the few
// most recently active RFCs — never the whole catalog, so the page weighs
// the same at 10,000 RFCs as at 10 (issue 15). A server component: database
// reads only (§2).

const RECENT = 8;

const DOT: Record<string, string> = {
  "super-draft": "bg-amber-400",
  active: "bg-indigo-500",
  accepted: "bg-emerald-500",
  rejected: "bg-rose-500",
  withdrawn: "bg-slate-400",
};

export async function RfcList({ slug }: { slug: string }) {
  const rfcs = await listRecentRfcs({ limit: RECENT });
  return (
    <section aria-labelledby="rfcs-heading">
      <div className="mb-1.5 flex items-baseline justify-between px-2">
        <h2 id="rfcs-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          RFCs
        </h2>
        <Link href="/" className="text-xs text-indigo-700 hover:underline">
          Catalog →
        </Link>
      </div>
      <form method="get" action="/" role="search" aria-label="Search RFCs" className="px-2 pb-2">
        <input
          name="q"
          type="search"
          aria-label="Search RFCs"
          placeholder="Search RFCs…"
          className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
        />
      </form>
      <h3 className="px-2 pb-1 text-[11px] font-medium text-slate-500">Recently active</h3>
      <ul className="space-y-0.5">
        {rfcs.map((r) => (
          <li key={r.slug}>
            <Link
              href={viewUrl(r.slug, "main")}
              aria-current={r.slug === slug ? "page" : undefined}
              className={`flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-slate-100 ${r.slug === slug ? "bg-slate-100 font-medium" : ""}`}
              title={`${r.title} (${r.state})`}
            >
              <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${DOT[r.state] ?? DOT.withdrawn}`} />
              <span className="truncate text-slate-800">{r.title}</span>
              {r.rfcId ? <span className="ml-auto shrink-0 font-mono text-[11px] text-slate-600">{r.rfcId}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

import Link from "next/link";
import type { BranchSummary } from "@/lib/rfc-view/api-types";
import { listCatalog } from "@/lib/db/queries/catalog";
import { viewUrl } from "./api";
import { BranchStats, LockIcon, PrBadge } from "./branch-badges";

// The left column (§8.1): this RFC's branches, then the catalog, compact.
// A server component: database reads only (§2).

const DOT: Record<string, string> = {
  "super-draft": "bg-amber-400",
  active: "bg-indigo-500",
  accepted: "bg-emerald-500",
  rejected: "bg-rose-500",
  withdrawn: "bg-slate-400",
};

export async function LeftColumn({ slug, current, branches }: { slug: string; current: string; branches: BranchSummary[] }) {
  const groups = await listCatalog();
  const rfcs = groups.flatMap((g) => g.rfcs);
  return (
    <nav aria-label="Branches and RFCs" className="flex flex-col gap-6 px-3 py-4 text-sm">
      <section aria-labelledby="branches-heading">
        <h2 id="branches-heading" className="mb-1.5 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
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
                <span className="flex items-center gap-1.5">
                  {b.visibility === "private" ? <LockIcon className="shrink-0 text-slate-500" /> : null}
                  <span className={`truncate font-mono text-[13px] ${b.state === "deleted" ? "text-slate-400 line-through" : "text-slate-900"}`}>{b.name}</span>
                  <span className="ml-auto shrink-0">
                    <PrBadge pr={b.pr} />
                  </span>
                </span>
                {b.name !== "main" ? (
                  <span className="mt-0.5 flex items-center gap-2">
                    <BranchStats b={b} />
                    {b.createdBy ? <span className="truncate text-[11px] text-slate-500">@{b.createdBy}</span> : null}
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
        {branches.length === 1 ? <p className="mt-1 px-2 text-xs text-slate-500">No branches yet. Cut one to propose edits.</p> : null}
      </section>
      <section aria-labelledby="rfcs-heading">
        <div className="mb-1.5 flex items-baseline justify-between px-2">
          <h2 id="rfcs-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            RFCs
          </h2>
          <Link href="/" className="text-xs text-indigo-700 hover:underline">
            Catalog →
          </Link>
        </div>
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
                {r.rfcId ? <span className="ml-auto shrink-0 font-mono text-[11px] text-slate-400">{r.rfcId}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </nav>
  );
}

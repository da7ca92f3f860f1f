import Link from "next/link";
import { listCatalog } from "@/lib/db/queries/catalog";
import { viewUrl } from "./api";

// The left column's catalog part (§8.1), compact, under the RFC's branches
// (BranchList, client state). A server component: database reads only (§2).

const DOT: Record<string, string> = {
  "super-draft": "bg-amber-400",
  active: "bg-indigo-500",
  accepted: "bg-emerald-500",
  rejected: "bg-rose-500",
  withdrawn: "bg-slate-400",
};

export async function RfcList({ slug }: { slug: string }) {
  const groups = await listCatalog();
  const rfcs = groups.flatMap((g) => g.rfcs);
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
  );
}

import Link from "next/link";
import type { CatalogRfc } from "@/lib/db/queries/catalog";
import { Age } from "./age";
import { TagList } from "./tag-list";

/** One RFC in the catalog: id, title (links to the RFC view), owners, tags, last activity (§7). */
export function RfcRow({ rfc }: { rfc: CatalogRfc }) {
  return (
    <li className="group relative flex flex-col gap-2 px-4 py-3 hover:bg-slate-50 focus-within:bg-slate-50 sm:flex-row sm:items-start sm:gap-4">
      <div className="w-24 shrink-0 pt-0.5 font-mono text-xs text-slate-500">{rfc.rfcId ?? "—"}</div>
      <div className="min-w-0 flex-1">
        <Link
          href={`/rfcs/${rfc.slug}`}
          className="font-medium text-slate-900 after:absolute after:inset-0 hover:text-indigo-700 focus-visible:outline-none"
        >
          {rfc.title}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          <span className="truncate">
            {rfc.owners.length ? (
              <>
                <span className="sr-only">Owners: </span>
                {rfc.owners.map((o) => `@${o}`).join(", ")}
              </>
            ) : (
              <span className="italic text-slate-400">No owner yet</span>
            )}
          </span>
          <TagList tags={rfc.tags} />
        </div>
      </div>
      <div className="shrink-0 text-sm text-slate-500 sm:pt-0.5 sm:text-right">
        <Age date={rfc.lastActivityAt} />
      </div>
    </li>
  );
}

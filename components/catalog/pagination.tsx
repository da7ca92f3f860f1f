import { Link } from "@/components/ui/link";
import { catalogHref } from "@/lib/catalog/filters";
import type { CatalogFilters } from "@/lib/db/queries/catalog";

const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50";
const off = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-500";

/** Previous / page N of M / next, as links that keep the filters (the page is in the URL). */
export function Pagination({ filters, page, pages }: { filters: CatalogFilters; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 pt-1">
      {page > 1 ? (
        <Link href={catalogHref(filters, Math.min(page - 1, pages))} rel="prev" className={link}>
          ← Previous
        </Link>
      ) : (
        <span aria-hidden className={off}>← Previous</span>
      )}
      <span className="text-sm text-slate-600">
        Page {page.toLocaleString("en")} of {pages.toLocaleString("en")}
      </span>
      {page < pages ? (
        <Link href={catalogHref(filters, page + 1)} rel="next" className={link}>
          Next →
        </Link>
      ) : (
        <span aria-hidden className={off}>Next →</span>
      )}
    </nav>
  );
}

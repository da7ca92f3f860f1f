import { Link } from "@/components/ui/link";
import type { CatalogFilters as Filters } from "@/lib/db/queries/catalog";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none";
const label = "block text-xs font-medium uppercase tracking-wide text-slate-500";

/**
 * §7 search and filters: a plain GET form, so the state is the URL. The
 * state is chosen with the tabs above the list and kept here; applying the
 * form starts again at page 1.
 */
export function CatalogFilterForm({ filters, tags, owners }: { filters: Filters; tags: string[]; owners: string[] }) {
  return (
    // Two columns on narrow screens (the filters above the list stay short); one in the sidebar.
    <form method="get" action="/" role="search" aria-label="Search and filter RFCs" className="grid grid-cols-2 gap-3 lg:grid-cols-1 lg:gap-4">
      {filters.state && <input type="hidden" name="state" value={filters.state} />}
      <div className="col-span-2 lg:col-span-1">
        <label htmlFor="q" className={label}>
          Search
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="Words in titles and text"
          aria-describedby="q-hint"
          className={field}
        />
        <p id="q-hint" className="mt-1 text-xs text-slate-500">
          Every word must appear; “quotes” find a phrase.
        </p>
      </div>
      <div>
        <label htmlFor="tag" className={label}>
          Tag
        </label>
        <select id="tag" name="tag" defaultValue={filters.tag ?? ""} className={field}>
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="owner" className={label}>
          Owner
        </label>
        <select id="owner" name="owner" defaultValue={filters.owner ?? ""} className={field}>
          <option value="">Anyone</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              @{o}
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-2 flex items-end gap-3 lg:col-span-1">
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          Apply
        </button>
        <Link href="/" className="text-sm text-slate-600 underline hover:text-slate-900">
          Clear
        </Link>
      </div>
    </form>
  );
}

import { Link } from "@/components/ui/link";
import { catalogHref } from "@/lib/catalog/filters";
import type { CatalogCounts, CatalogFilters } from "@/lib/db/queries/catalog";
import { ENTRY_STATES } from "@/lib/entries/schema";
import { STATE_LABEL } from "./format";

const n = (x: number) => x.toLocaleString("en");

/** The states with how many RFCs of each match, as links that keep the other filters (§7). */
export function StateTabs({ filters, counts }: { filters: CatalogFilters; counts: CatalogCounts }) {
  const tab = (label: string, count: number, state: CatalogFilters["state"]) => {
    const current = filters.state === state;
    return (
      <li key={state ?? "all"}>
        <Link
          href={catalogHref({ ...filters, state })}
          aria-current={current ? "page" : undefined}
          className={`flex items-center gap-1.5 whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm ${
            current ? "bg-slate-900 text-white" : count ? "text-slate-700 hover:bg-slate-100" : "text-slate-500 hover:bg-slate-100"
          }`}
        >
          {label}
          <span className={`text-xs ${current ? "text-slate-300" : "text-slate-500"}`}>{n(count)}</span>
        </Link>
      </li>
    );
  };
  return (
    <nav aria-label="States" className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 px-1">
        {tab("All", counts.matchingTotal, undefined)}
        {ENTRY_STATES.map((s) => tab(STATE_LABEL[s], counts.matching[s], s))}
      </ul>
    </nav>
  );
}

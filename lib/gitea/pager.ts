import type { HttpResponse } from "gitea-js";
import { toGiteaError } from "./errors";

// Gitea silently clamps `limit` to 50 (FACTS §5), so ask for exactly that
// and follow Link / X-Total-Count rather than trusting a bigger page size.
export const PAGE_LIMIT = 50;

function hasNext(res: Response, page: number, received: number): boolean {
  const link = res.headers.get("link");
  if (link) return /rel="next"/.test(link);
  const total = Number(res.headers.get("x-total-count"));
  if (Number.isFinite(total) && total > 0) return page * PAGE_LIMIT < total;
  return received === PAGE_LIMIT;
}

/**
 * Collects every page of a list endpoint. `maxPages` bounds the walk;
 * `stop` lets a caller end early (e.g. once items are older than a watermark).
 */
export async function paginate<T>(
  operation: string,
  fetchPage: (query: { page: number; limit: number }) => Promise<HttpResponse<T[], unknown>>,
  opts: { maxPages?: number; stop?: (item: T) => boolean } = {},
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= (opts.maxPages ?? 1000); page++) {
    let res: HttpResponse<T[], unknown>;
    try {
      res = await fetchPage({ page, limit: PAGE_LIMIT });
    } catch (err) {
      throw toGiteaError(err, operation);
    }
    const items = res.data ?? [];
    for (const item of items) {
      if (opts.stop?.(item)) return all;
      all.push(item);
    }
    if (!hasNext(res, page, items.length)) break;
  }
  return all;
}

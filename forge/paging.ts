import type { Ctx } from "./http";

// Gitea pagination (FACTS §5): `page` 1-based, `limit` default 30 and
// silently clamped to 50; X-Total-Count and an absolute Link header.

export const DEFAULT_PAGING_NUM = 30;
export const MAX_RESPONSE_ITEMS = 50;

export interface PageOpts {
  page: number;
  limit: number;
  skip: number;
}

const formInt = (v: string | null) => {
  const n = Number.parseInt(v ?? "", 10);
  return Number.isFinite(n) ? n : 0;
};

export function pageOpts(ctx: Ctx): PageOpts {
  const page = Math.max(1, formInt(ctx.query.get("page")));
  let limit = formInt(ctx.query.get("limit"));
  if (limit <= 0) limit = DEFAULT_PAGING_NUM;
  if (limit > MAX_RESPONSE_ITEMS) limit = MAX_RESPONSE_ITEMS;
  return { page, limit, skip: (page - 1) * limit };
}

function linkHeader(ctx: Ctx, total: number, o: PageOpts): string {
  const last = Math.max(1, Math.ceil(total / o.limit));
  const at = (page: number) => {
    const q = new URLSearchParams(ctx.query);
    q.set("page", String(page));
    return `<${ctx.forge.root}${ctx.url.pathname.slice(1)}?${q.toString()}>`;
  };
  const links: string[] = [];
  if (o.page < last) links.push(`${at(o.page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (o.page > 1) links.push(`${at(1)}; rel="first"`, `${at(o.page - 1)}; rel="prev"`);
  return links.join(",");
}

/** X-Total-Count + Link; `commitStyle` adds X-Page, X-PerPage, X-Total, X-PageCount, X-HasMore. */
export function pageHeaders(ctx: Ctx, total: number, o: PageOpts, commitStyle = false): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Total-Count": String(total),
    "Access-Control-Expose-Headers": "X-Total-Count, Link",
  };
  const link = linkHeader(ctx, total, o);
  if (link) headers.Link = link;
  if (commitStyle) {
    const pageCount = Math.ceil(total / o.limit);
    Object.assign(headers, {
      "X-Page": String(o.page),
      "X-PerPage": String(o.limit),
      "X-Total": String(total),
      "X-PageCount": String(pageCount),
      "X-HasMore": String(o.page < pageCount),
      "Access-Control-Expose-Headers": "X-Total-Count, Link, X-Page, X-PerPage, X-Total, X-PageCount, X-HasMore",
    });
  }
  return headers;
}

/** Slices one page out of `items` and returns it with the headers. */
export function paginate<T>(ctx: Ctx, items: T[], commitStyle = false): { items: T[]; headers: Record<string, string> } {
  const o = pageOpts(ctx);
  return { items: items.slice(o.skip, o.skip + o.limit), headers: pageHeaders(ctx, items.length, o, commitStyle) };
}

import { toPullIssue } from "../convert/pull";
import { HttpError, json, unprocessable, type Ctx } from "../http";
import { paginate } from "../paging";
import { canRead } from "../perms";
import { syncRepoPulls } from "../pull-check";
import { api } from "../route";

// GET /repos/issues/search (SearchIssues): the forge has no plain issues, so
// this lists PRs as Issue objects. `since` / `before` filter on updated_at,
// which moves on every PR change — the reconciler finds changed PRs with it.

/** An RFC 3339 query parameter as unix seconds (null when absent); 422 when malformed. */
export function unixParam(ctx: Ctx, name: string): number | null {
  const v = ctx.query.get(name);
  if (!v) return null;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw unprocessable(`invalid ${name}: ${v}`);
  return Math.floor(t / 1000);
}

export const issueRoutes = [
  api("GET", "/repos/issues/search", async (ctx) => {
    const { store } = ctx.forge;
    const q = ctx.query;
    const type = q.get("type") ?? "";
    const state = q.get("state") || "open";
    const since = unixParam(ctx, "since");
    const before = unixParam(ctx, "before");
    const term = (q.get("q") ?? "").toLowerCase();
    let repos = store.state.repos.filter((r) => canRead(ctx.forge, r, ctx.auth.user));
    const ownerName = q.get("owner");
    if (ownerName) {
      const owner = store.orgByName(ownerName) ?? store.userByName(ownerName);
      if (!owner) throw new HttpError(400, `user does not exist [uid: 0, name: ${ownerName}]`);
      repos = repos.filter((r) => r.ownerId === owner.id);
    }
    if (type === "issues") return json(200, [], { "X-Total-Count": "0" });
    await Promise.all(repos.map((r) => syncRepoPulls(ctx.forge, r)));
    const repoById = new Map(repos.map((r) => [r.id, r]));
    const pulls = store.state.pulls
      .filter((p) => repoById.has(p.repoId))
      .filter((p) => state === "all" || p.state === state)
      .filter((p) => since === null || Math.floor(p.updated / 1000) >= since)
      .filter((p) => before === null || Math.floor(p.updated / 1000) <= before)
      .filter((p) => !term || p.title.toLowerCase().includes(term) || p.body.toLowerCase().includes(term))
      .sort((a, b) => b.created - a.created || b.id - a.id);
    const { items, headers } = paginate(ctx, pulls);
    return json(200, items.map((p) => toPullIssue(ctx.forge, repoById.get(p.repoId)!, p)), headers);
  }, ["issue"]),
];

import type { PullRequest } from "gitea-js";
import { onBehalfOfLogin } from "@/lib/bot/trailers";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";

/**
 * §6.5: the bot opens every PR, so Gitea names the bot as author. The person
 * behind it comes from the audit log (the first action on that repo + PR),
 * else from the On-behalf-of trailer of the PR body; the bot is never shown.
 */
export async function resolvePrAuthors(repo: string, prs: PullRequest[]): Promise<Map<number, string>> {
  const bot = getConfig().botUser.toLowerCase();
  const numbers = prs.map((p) => p.number ?? 0);
  const actions = await db().action.findMany({
    where: { repo, prNumber: { in: numbers } },
    orderBy: { id: "asc" },
    select: { prNumber: true, onBehalfOf: true },
  });
  const fromAudit = new Map<number, string>();
  for (const a of actions) if (a.prNumber !== null && !fromAudit.has(a.prNumber)) fromAudit.set(a.prNumber, a.onBehalfOf);

  const out = new Map<number, string>();
  for (const pr of prs) {
    const n = pr.number ?? 0;
    const poster = pr.user?.login ?? "";
    const byPoster = poster && poster.toLowerCase() !== bot ? poster : null;
    out.set(n, byPoster ?? fromAudit.get(n) ?? onBehalfOfLogin(pr.body ?? "") ?? "unknown");
  }
  return out;
}

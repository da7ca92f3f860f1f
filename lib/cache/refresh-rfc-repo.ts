import type { Branch } from "gitea-js";
import { summaryOf } from "@/lib/catalog/summary";
import { db } from "@/lib/db/client";
import { GiteaError, listBranches, readFile, splitFullName } from "@/lib/gitea";
import { readCutCreators } from "@/lib/branches/cut-tag";
import { HELPER_BRANCH_PREFIX } from "@/lib/branches/names";
import { markHomeBranchesStale, syncBranchRows } from "./branch-rows";
import type { MainPush } from "./needs";
import { commitTime } from "./refresh-meta-branches";
import { refreshRepoPulls, type PullsMode } from "./refresh-pulls";

export type RfcRepoNeeds = { branches?: boolean; pulls?: PullsMode; force?: boolean; mainPush?: MainPush };

/**
 * Refreshes a per-RFC repo (§3 state 3, §4): its branches (one request per
 * 50), `RFC.md` on main only when main's head moved, and the PRs asked for.
 * A repo no cached entry points at is not read (it may be a graduation in
 * progress: the entry's refresh asks for it once it names the repo).
 * A push to main the cache can follow (its head is the push's `before`) is
 * taken without listing branches: RFC.md at the new head, one request.
 */
export async function refreshRfcRepo(repo: string, needs: RfcRepoNeeds): Promise<{ slug: string | null; slugs: string[] }> {
  const rfc = await db().cachedRfc.findFirst({ where: { repo }, select: { slug: true, mainHeadSha: true } });
  if (!rfc) return { slug: null, slugs: [] };
  const ref = splitFullName(repo);
  const slugs = new Set<string>();

  if (needs.mainPush && !needs.branches) {
    if (await takeMainPush(ref, repo, rfc, needs.mainPush)) slugs.add(rfc.slug);
    else needs = { ...needs, branches: true }; // a push the cache did not see: list
  }
  if (needs.branches) {
    let branches: Branch[];
    try {
      branches = await listBranches(ref);
    } catch (err) {
      if (!(err instanceof GiteaError && err.status === 404)) throw err;
      branches = []; // the repo is gone: its branches keep their rows as deleted (§11.5)
    }
    const main = branches.find((b) => b.name === "main");
    const head = main?.commit?.id ?? null;
    const mainMoved = !!head && head !== rfc.mainHeadSha;
    if (head && (needs.force || mainMoved)) {
      const text = (await readFile(ref, "RFC.md", head))?.text ?? "";
      await db().cachedRfc.update({
        where: { slug: rfc.slug },
        data: { body: text, summary: summaryOf(text), mainHeadSha: head, mainCommitAt: main ? commitTime(main) : null },
      });
      slugs.add(rfc.slug);
    }
    // Quorum's own helper branches (quorum/…, lib/branches/merge-resolved.ts) are not the RFC's.
    const others = branches.filter((b) => b.name && b.name !== "main" && !b.name.startsWith(HELPER_BRANCH_PREFIX));
    const seen = others.map((b) => ({
      rfcSlug: rfc.slug,
      name: b.name ?? "",
      displayName: b.name ?? "",
      headSha: b.commit?.id ?? "",
      lastCommitAt: commitTime(b),
    }));
    const registry = { visibility: "public" as const, creatorsFromTags: () => readCutCreators(ref) };
    for (const s of await syncBranchRows(repo, seen, { home: repo, mainMoved, registry })) slugs.add(s);
  }
  if (needs.pulls) for (const s of await refreshRepoPulls(repo, { isMeta: false, rfcSlug: rfc.slug }, needs.pulls)) slugs.add(s);
  return { slug: rfc.slug, slugs: [...slugs] };
}

/**
 * RFC.md at the pushed head, whatever files the payload names (a merge's
 * file list can leave out what it brought in), written only while the
 * cached head is still the push's `before` (compare-and-set). The commit
 * time is the time the push is taken, as for the app's own writes
 * (branch-heads.ts); a listing keeps it after.
 */
async function takeMainPush(ref: { owner: string; repo: string }, repo: string, rfc: { slug: string; mainHeadSha: string | null }, push: MainPush): Promise<boolean> {
  if (!rfc.mainHeadSha || rfc.mainHeadSha !== push.before) return false;
  const text = (await readFile(ref, "RFC.md", push.after))?.text;
  if (text === undefined) return false;
  const res = await db().cachedRfc.updateMany({
    where: { slug: rfc.slug, mainHeadSha: push.before },
    data: { body: text, summary: summaryOf(text), mainHeadSha: push.after, mainCommitAt: new Date() },
  });
  if (!res.count) return false;
  await markHomeBranchesStale(repo);
  return true;
}

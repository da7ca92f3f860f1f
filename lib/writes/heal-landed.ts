import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { onBehalfOfLogin, trailerValues } from "@/lib/bot/trailers";
import { loadBranchOrThrow } from "@/lib/branches/context";
import { branchLockKey } from "@/lib/branches/lock";
import { settleOpenAccept } from "@/lib/changes/decide/accept-write";
import { getLocks } from "@/lib/coordination/locks";
import { db } from "@/lib/db/client";
import { listCommitsSince } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { changesBeingAccepted, openWrite } from "./journal";
import { acceptKey } from "./keys";

// Issue 13 item 4, "no change pending whose commit landed", when the
// journal cannot say so: the app data restored from a backup taken before
// an accept (its GitWrite row is gone with it), or a commit naming changes
// made by another process. The reconciler looks at the newest commits of
// each branch with pending changes, once per head it has not looked at (so
// the first tick after a start looks at them all, later ticks only at
// branches that moved), and a commit whose Change-Id trailers name pending
// changes is settled as their accept: accepted with that commit, decided by
// the person in its On-behalf-of, §8.11 for the rest — never judged stale
// by their own commit.

const g = globalThis as unknown as { quorumHealedHeads?: Map<string, string> };
const checked = (g.quorumHealedHeads ??= new Map<string, string>());

/** The reconciler reads every branch as an admin would: it acts for nobody. */
const RECONCILER: Actor = { id: 0, login: "quorum-reconciler", role: "admin" };
const COMMITS = 50;

async function healBranch(slug: string, name: string, ids: Set<string>): Promise<number> {
  const branch = await loadBranchOrThrow(await loadRfcOrThrow(slug), name, RECONCILER);
  const key = `${slug}\n${name}`;
  if (branch.state !== "open" || !branch.headSha || checked.get(key) === branch.headSha) return 0;
  const release = await getLocks().tryLock(branchLockKey(slug, name));
  if (!release) return 0; // an accept or a flush is writing: next tick
  try {
    const busy = await changesBeingAccepted(slug, name);
    const commits = await listCommitsSince(branch.place.repo, branch.place.ref, null, COMMITS);
    const reverted = new Set(commits.flatMap((c) => trailerValues(c.message, "Reverts")));
    let healed = 0;
    for (const c of commits) {
      if (reverted.has(c.sha) || trailerValues(c.message, "Reverts").length) continue;
      const named = trailerValues(c.message, "Change-Id").filter((id) => ids.has(id) && !busy.has(id));
      if (!named.length) continue;
      const login = onBehalfOfLogin(c.message);
      const user = login ? await db().user.findUnique({ where: { login }, select: { id: true } }) : null;
      const w = await openWrite({
        key: acceptKey(named), kind: "accept", rfcSlug: slug, branch: name, repo: branch.place.repoName, ref: branch.place.ref,
        baseSha: c.parents[0] ?? null, userId: user?.id ?? null, request: { place: branch.place, changeIds: named, editedText: null },
      });
      if (w.state === "open" && (await settleOpenAccept(w))) healed += named.length;
      for (const id of named) ids.delete(id);
    }
    checked.set(key, branch.headSha);
    return healed;
  } finally {
    await release();
  }
}

/** Every pending change whose commit is on its branch, recorded accepted with it. Never throws; returns how many. */
export async function healLandedChanges(): Promise<number> {
  let healed = 0;
  try {
    const pending = await db().change.findMany({ where: { status: "pending" }, select: { id: true, rfcSlug: true, branch: true } });
    const groups = new Map<string, { slug: string; name: string; ids: Set<string> }>();
    for (const c of pending) {
      const k = `${c.rfcSlug}\n${c.branch}`;
      if (!groups.has(k)) groups.set(k, { slug: c.rfcSlug, name: c.branch, ids: new Set() });
      groups.get(k)!.ids.add(c.id);
    }
    for (const { slug, name, ids } of groups.values()) {
      try {
        healed += await healBranch(slug, name, ids);
      } catch (err) {
        // A branch the RFC no longer has (a super-draft's, after graduation) keeps its cards as they are.
        if (err instanceof AppError && err.code === "not_found") continue;
        console.warn(`[quorum] could not look for landed changes on ${slug}/${name} yet:`, err instanceof Error ? err.message : err);
      }
    }
  } catch (err) {
    console.error("[quorum] looking for landed changes failed", err);
  }
  return healed;
}

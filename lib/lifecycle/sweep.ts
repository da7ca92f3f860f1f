import "server-only";
import { inBackground, onSettle } from "@/lib/background";
import { actorFrom, type BotActor } from "@/lib/bot/actor";
import { writeDecisionReadme } from "@/lib/bot/decision-readme";
import { readEntryOrThrow } from "@/lib/bot/meta-entry";
import { syncRfcMetadata } from "@/lib/bot/sync-rfc-metadata";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { nowMs } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { parseList } from "@/lib/db/json";
import { fcpStatus, signOffRule } from "./fcp-status";
import { isOpen, readMotion } from "./motion";
import { decisionsMissingReadme } from "./pending-readmes";
import { settleMotion, type SettleResult } from "./settle-motion";

// The lifecycle's own sweep, run after every reconciler sweep, by a timer set
// for the next end of a final comment period, and by the test clock: it
// records the motions whose period ran out (settleMotion, idempotent) and
// completes second writes that failed — a decision's README, a metadata
// change's copy in the RFC's repo. Reads the cache; writes through the bot.

export type LifecycleSweepResult = { settled: SettleResult[]; readmes: number; syncs: number; nextEndAt: number | null };

type SweepState = { running: Promise<LifecycleSweepResult> | null; again?: Promise<LifecycleSweepResult> | null; timer: NodeJS.Timeout | null };
const g = globalThis as unknown as { quorumLifecycle?: SweepState };
const state = (g.quorumLifecycle ??= { running: null, again: null, timer: null });

/**
 * One lifecycle sweep. Never rejects. A call while one runs gets the next
 * sweep, started when that one ends: the running one read the cache and the
 * clock before the caller's write (a sign-off's own `void lifecycleSweep()`
 * before the period's end, say) and may not see it. Every call meanwhile
 * shares that one next sweep.
 */
export function lifecycleSweep(): Promise<LifecycleSweepResult> {
  if (state.running) {
    return (state.again ??= state.running.then(() => {
      state.again = null;
      return lifecycleSweep();
    }));
  }
  const run = runSweep()
    .catch((err: unknown): LifecycleSweepResult => {
      console.warn("[quorum] lifecycle sweep failed:", err instanceof Error ? err.message : err);
      return { settled: [], readmes: 0, syncs: 0, nextEndAt: null };
    })
    .finally(() => {
      state.running = null;
    });
  state.running = run;
  return inBackground("lifecycle sweep", run.then((r) => (armTimer(r.nextEndAt), r)));
}

async function runSweep(): Promise<LifecycleSweepResult> {
  const now = nowMs();
  const settled: SettleResult[] = [];
  const withMotion = await db().cachedRfc.findMany({
    where: { state: "active", frontmatter: { contains: '"motion"' } },
    select: { slug: true, arbiters: true, frontmatter: true },
  });
  let nextEndAt: number | null = null;
  for (const row of withMotion) {
    const fm = JSON.parse(row.frontmatter) as Record<string, unknown>;
    const { motion } = readMotion(fm);
    if (!isOpen(motion)) continue;
    const status = fcpStatus({ motion, arbiters: parseList(row.arbiters), rule: signOffRule(String(fm.sign_offs_needed ?? "")), now });
    if (status.phase === "due") settled.push(await settleOne(row.slug, now));
    else if (status.phase === "running" && status.endsAt) nextEndAt = Math.min(nextEndAt ?? Infinity, Date.parse(status.endsAt));
  }
  const readmes = await completeReadmes();
  const syncs = await completeMetadataSyncs();
  if (settled.some((s) => s.commitSha) || readmes || syncs) {
    await enqueueRefresh(getConfig().metaRepoFullName, { branches: true, entries: true });
  }
  return { settled, readmes, syncs, nextEndAt };
}

async function settleOne(slug: string, now: number): Promise<SettleResult> {
  try {
    return await settleMotion(slug, now);
  } catch (err) {
    console.warn(`[quorum] could not record the motion on ${slug} yet:`, err instanceof Error ? err.message : err);
    return { slug, outcome: null, commitSha: null };
  }
}

const system = (login: string): BotActor => ({ userId: null, login, name: login });

/** Decisions Quorum recorded whose README has not been seen to show them (pending-readmes.ts): database only when none is pending. */
async function completeReadmes(): Promise<number> {
  let done = 0;
  for (const slug of await decisionsMissingReadme()) {
    try {
      const { entry } = await readEntryOrThrow(slug);
      const by = entry.decidedBy?.split(/[\s,]+/)[0] ?? "";
      const user = by ? await db().user.findUnique({ where: { login: by }, select: { id: true, login: true, name: true } }) : null;
      if ((await writeDecisionReadme({ entry, actor: user ? actorFrom(user) : system(by) })) !== "not_decided") done++;
    } catch (err) {
      console.warn(`[quorum] README of ${slug} still lacks its decision:`, err instanceof Error ? err.message : err);
    }
  }
  return done;
}

/** Merged metadata changes of active RFCs whose repo has not been synced for them (no `sync_rfc_metadata` row with that PR). */
async function completeMetadataSyncs(): Promise<number> {
  const merged = await db().cachedPr.findMany({ where: { repo: getConfig().metaRepoFullName, kind: "meta_metadata", state: "merged" }, select: { number: true, rfcSlug: true, openedBy: true } });
  let done = 0;
  for (const pr of merged) {
    const rfc = await db().cachedRfc.findUnique({ where: { slug: pr.rfcSlug }, select: { repo: true, state: true } });
    if (!rfc?.repo || rfc.state !== "active") continue;
    const rows = await db().action.findMany({ where: { rfcSlug: pr.rfcSlug, kind: "sync_rfc_metadata" }, select: { details: true } });
    if (rows.some((r) => (JSON.parse(r.details) as { prNumber?: unknown }).prNumber === pr.number)) continue;
    try {
      const { entry, sha } = await readEntryOrThrow(pr.rfcSlug);
      await syncRfcMetadata({ entry, entrySha: sha, actor: system(pr.openedBy), prNumber: pr.number });
      done++;
    } catch (err) {
      console.warn(`[quorum] ${pr.rfcSlug}'s repo does not show metadata PR #${pr.number} yet:`, err instanceof Error ? err.message : err);
    }
  }
  return done;
}

/** Wakes the sweep when the next running period ends (at most an hour ahead; the reconciler covers the rest). */
function armTimer(nextEndAt: number | null): void {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  if (nextEndAt === null) return;
  const delay = Math.min(Math.max(nextEndAt - nowMs() + 250, 1000), 3_600_000);
  state.timer = setTimeout(() => void lifecycleSweep(), delay);
  state.timer.unref?.();
}

/** Stops the timer (tests, shutdown); returns whether one was set. */
export function stopLifecycleTimer(): boolean {
  const had = state.timer !== null;
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  return had;
}
onSettle(stopLifecycleTimer);

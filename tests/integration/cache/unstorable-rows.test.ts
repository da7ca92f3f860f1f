import { GET as getHealthRoute } from "@/app/api/health/route";
import { actorFrom } from "@/lib/bot/actor";
import { commitFiles } from "@/lib/bot/write-files";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { sweepOnce } from "@/lib/cache/sweep";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { createBranch, createPull, splitFullName } from "@/lib/gitea";
import type { Health } from "@/lib/health";
import { seedDemo } from "@/scripts/seed-demo";
import { ensureUser } from "@/tests/helpers/session";
import { startCacheFixture, type CacheFixture } from "./fixture";
import { pushDirect } from "./git-direct";
import { wipeCache } from "./snapshot";

// Issue 12: text from Gitea the database cannot store (a lone surrogate:
// Prisma cannot encode it) costs that one row, never the repo. A PR titled
// "t \ud800" made every refresh of its repo fail and, after a rebuild, the
// RFC showed none of its PRs while /api/health said ok.

const REPO = "rfcs/rfc-0001-event-log";
let fx: CacheFixture;
beforeAll(async () => {
  fx = await startCacheFixture();
  await fx.pauseWebhooks(); // the refreshes below are the ones under test
  await seedDemo();
  await sweepOnce({ trigger: "manual" });
});
afterAll(() => fx.close());

const health = async () => (await (await getHealthRoute(new Request("http://quorum.test/api/health"), { params: Promise.resolve({}) })).json()) as Health;

async function openPr(title: string) {
  const name = `b-${Math.random().toString(36).slice(2, 8)}`;
  const ref = splitFullName(REPO);
  await createBranch(ref, name, "main");
  const actor = actorFrom(await ensureUser({ login: "alice" }));
  await commitFiles({ repo: ref, branch: name, subject: `Edit on ${name}`, actor, audit: { kind: "test" }, files: [{ op: "create", path: `${name}.md`, content: "x\n" }] });
  return (await createPull(ref, { head: name, base: "main", title, body: "" })).number!;
}

test("a PR titled with a lone surrogate is skipped and reported; the repo's other PRs refresh; health is degraded", async () => {
  const good = [await openPr("First fine PR"), await openPr("Second fine PR")];
  const bad = await openPr("t \ud800"); // the forge accepts it (201), as the issue found
  const after = await openPr("Third fine PR");

  const outcome = await enqueueRefresh(REPO, { branches: true, allPulls: true });
  expect(outcome).toEqual({ repo: REPO, ok: true });
  const numbers = (await db().cachedPr.findMany({ where: { repo: REPO }, select: { number: true } })).map((p) => p.number);
  expect(numbers).toEqual(expect.arrayContaining([...good, after]));
  expect(numbers).not.toContain(bad);

  const h = await health();
  expect(h.status).toBe("degraded");
  expect(h.repos).toEqual([{ repo: REPO, failures: 0, error: expect.stringContaining(`${REPO} PR #${bad} skipped: title contains a lone surrogate`), retryAt: null }]);

  // A rebuild (the cache wiped, one sweep) gives back every other PR, and the same report.
  await wipeCache();
  const run = await sweepOnce({ trigger: "manual" });
  expect(run.errors).toBe(0);
  const rebuilt = (await db().cachedPr.findMany({ where: { repo: REPO }, select: { number: true } })).map((p) => p.number);
  expect(rebuilt).toEqual(expect.arrayContaining([...good, after]));
  expect(rebuilt).not.toContain(bad);
  expect((await health()).repos.map((r) => r.repo)).toEqual([REPO]);
});

test("a meta entry whose YAML spells a lone surrogate is an invalid entry, and the other entries refresh", async () => {
  pushDirect(fx.forge, "rfcs/meta", "rfcs/streaming-sync.md", (t) => t.replace(/^title: .*$/m, 'title: "Sync \\ud800"'), "Spell a lone surrogate");
  const outcome = await enqueueRefresh(getConfig().metaRepoFullName, { branches: true, entries: true, force: true });
  expect(outcome.ok).toBe(true);
  const row = await db().cachedRfc.findUniqueOrThrow({ where: { slug: "streaming-sync" } });
  expect(row.invalidReason).toMatch(/^title contains a lone surrogate/);
  expect(await db().cachedRfc.count({ where: { invalidReason: null } })).toBeGreaterThan(0);
  expect((await health()).invalidEntries).toEqual(expect.arrayContaining([{ slug: "streaming-sync", reason: expect.stringMatching(/lone surrogate/) }]));
});

test("a repo whose refresh keeps failing is reported by health with its error", async () => {
  const fault = await fx.forge.admin("/faults", { method: "POST", body: JSON.stringify({ method: "GET", path: `/api/v1/repos/${REPO}/branches`, status: 500, times: 10 }) });
  expect(fault.status).toBe(201);
  try {
    const outcome = await enqueueRefresh(REPO, { branches: true });
    expect(outcome.ok).toBe(false);
    const h = await health();
    expect(h.status).toBe("degraded");
    expect(h.repos).toEqual([{ repo: REPO, failures: 1, error: expect.any(String), retryAt: expect.any(String) }]);
    expect(h.repos[0].error).not.toBe("");
  } finally {
    await fx.forge.admin("/faults", { method: "DELETE" });
  }
});

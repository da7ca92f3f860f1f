import { READ_ATTEMPTS } from "@/lib/gitea/fetch";
import { GET as getHealthRoute } from "@/app/api/health/route";
import { db } from "@/lib/db/client";
import { listCatalogOverview } from "@/lib/db/queries/catalog";
import { listPendingIdeas } from "@/lib/db/queries/pending-ideas";
import { settleBackground } from "@/lib/background";
import { watchedPulls } from "@/lib/cache/merge-watch";
import { sweepOnce } from "@/lib/cache/sweep";
import { seedDemo } from "@/scripts/seed-demo";
import { startCacheFixture, type CacheFixture } from "./fixture";
import { pushDirect } from "./git-direct";
import { cacheSnapshot, wipeCache } from "./snapshot";
import { nextSecond } from "@/tests/helpers/wait";

// §4 reconciler against the forge with webhooks paused: it alone fills,
// heals and updates the cache.

let fx: CacheFixture;
beforeAll(async () => {
  fx = await startCacheFixture();
  await fx.pauseWebhooks();
  await seedDemo();
});
afterAll(() => fx.close());

async function slugsByState(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const r of await listCatalogOverview({ perState: 100 })) (out[r.state] ??= []).push(r.slug);
  return out;
}

it("a first sweep builds the catalog from Gitea alone", async () => {
  const run = await sweepOnce({ trigger: "manual" });
  expect(run).toMatchObject({ errors: 0, error: null });
  expect(await slugsByState()).toEqual({ "super-draft": ["streaming-sync"], active: ["event-log"], withdrawn: ["audit-history-tables"] });
  const active = await db().cachedRfc.findUniqueOrThrow({ where: { slug: "event-log" } });
  expect(active).toMatchObject({ rfcId: "RFC-0001", repo: "rfcs/rfc-0001-event-log" });
  expect(active.body).toContain("## Design");
  expect(JSON.parse((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "streaming-sync" } })).owners)).toEqual(["alice"]);
  expect((await listPendingIdeas()).map((i) => [i.slug, i.proposedBy])).toEqual([["offline-editing", "bob"]]);
  expect(await db().sweepRun.count({ where: { finishedAt: { not: null } } })).toBe(1);
});

it("an idle sweep makes at most 15 forge requests", async () => {
  // Idle: Gitea has decided the idea PR's mergeability, so no re-read of it (merge-watch.ts) is
  // pending — one landing between the counter's reset and its reading would be no sweep's.
  await fx.forge.drainChecks();
  await nextSecond(); // updated_at has one-second precision: what moved before now must read as older
  await sweepOnce({ trigger: "manual" });
  await settleBackground();
  await fx.resetForgeRequests();
  const run = await sweepOnce({ trigger: "manual" });
  const requests = await fx.forgeRequests();
  expect(watchedPulls()).toEqual([]); // nothing left to read after it
  expect(run.errors).toBe(0);
  expect(requests).toBeLessThanOrEqual(15);
  expect(run.requests).toBe(requests);
});

it("a commit pushed straight into a repo with git (no webhook) appears after the next sweep", async () => {
  pushDirect(fx.forge, "rfcs/meta", "rfcs/streaming-sync.md", (t) => t.replace("title: Streaming sync for large documents", "title: Streaming sync, revisited"), "Retitle");
  pushDirect(fx.forge, "rfcs/rfc-0001-event-log", "RFC.md", (t) => `${t}\n## Rollout\n\nBehind a flag first.\n`, "Add rollout");
  await sweepOnce({ trigger: "manual" });
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "streaming-sync" } })).title).toBe("Streaming sync, revisited");
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "event-log" } })).body).toContain("Behind a flag first.");
});

it("deleting every cache row and sweeping gives back an identical catalog", async () => {
  await nextSecond();
  await sweepOnce({ trigger: "manual" });
  const before = await cacheSnapshot();
  expect(before.search.length).toBeGreaterThan(1);
  await wipeCache();
  expect(await listCatalogOverview({ perState: 100 })).toEqual([]);
  await sweepOnce({ trigger: "manual" });
  expect(await cacheSnapshot()).toEqual(before);
});

it("a forge error on one repo does not stop the sweep for the others, and that repo backs off", async () => {
  await nextSecond();
  await sweepOnce({ trigger: "manual" });
  pushDirect(fx.forge, "rfcs/meta", "rfcs/streaming-sync.md", (t) => t.replace("title: Streaming sync, revisited", "title: Streaming sync 3"), "Retitle again");
  pushDirect(fx.forge, "rfcs/rfc-0001-event-log", "RFC.md", (t) => `${t}\nMore.\n`, "More");
  // Reads are retried (lib/gitea/fetch.ts READ_ATTEMPTS): the repo fails when every attempt does.
  const fault = { method: "GET", path: "/api/v1/repos/rfcs/rfc-0001-event-log/branches", status: 500, times: READ_ATTEMPTS };
  expect((await fx.forge.admin("/faults", { method: "POST", body: JSON.stringify(fault) })).status).toBe(201);

  const run = await sweepOnce({ trigger: "manual" });
  expect(run.errors).toBe(1);
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "streaming-sync" } })).title).toBe("Streaming sync 3");
  const sync = await db().repoSync.findUniqueOrThrow({ where: { repo: "rfcs/rfc-0001-event-log" } });
  expect(sync.failures).toBe(1);
  expect(sync.backoffUntil!.getTime()).toBeGreaterThan(Date.now());
  expect((await db().sweepRun.findFirstOrThrow({ where: { id: run.id } })).errors).toBe(1);

  // While it backs off, sweeps leave it alone.
  await fx.resetForgeRequests();
  await sweepOnce({ trigger: "manual" });
  const { counts } = (await (await fx.forge.admin("/requests")).json()) as { counts: Record<string, number> };
  expect(Object.keys(counts).filter((k) => k.includes("rfc-0001"))).toEqual([]);
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "event-log" } })).body).not.toContain("More.");

  // Once the back-off expires, the next sweep catches up and clears it.
  await db().repoSync.update({ where: { repo: "rfcs/rfc-0001-event-log" }, data: { backoffUntil: new Date(Date.now() - 1) } });
  expect((await sweepOnce({ trigger: "manual" })).errors).toBe(0);
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "event-log" } })).body).toContain("More.");
  expect((await db().repoSync.findUniqueOrThrow({ where: { repo: "rfcs/rfc-0001-event-log" } })).failures).toBe(0);
});

it("two concurrent sweeps never overlap: the second joins the first", async () => {
  const [a, b] = await Promise.all([sweepOnce({ trigger: "manual" }), sweepOnce({ trigger: "interval" })]);
  expect(a.id).toBe(b.id);
});

it("an invalid entry is reported in the log and the health route, and the sweep goes on (§3, §4)", async () => {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    pushDirect(fx.forge, "rfcs/meta", "rfcs/audit-history-tables.md", (t) => t.replace("state: withdrawn", "state: shelved"), "Break an entry");
    pushDirect(fx.forge, "rfcs/meta", "rfcs/streaming-sync.md", (t) => t.replace("title: Streaming sync 3", "title: Streaming sync 4"), "Retitle once more");
    const run = await sweepOnce({ trigger: "manual" });
    expect(run.error).toBeNull();
    expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "streaming-sync" } })).title).toBe("Streaming sync 4");
    expect(warn.mock.calls.some((c) => String(c[0]).includes("invalid meta entry rfcs/audit-history-tables.md"))).toBe(true);

    const health = (await (await getHealthRoute(new Request("http://quorum.test/api/health"), { params: Promise.resolve({}) })).json()) as {
      invalidEntries: { slug: string; reason: string }[];
    };
    expect(health.invalidEntries).toEqual([{ slug: "audit-history-tables", reason: expect.stringContaining("state") }]);
    expect((await slugsByState()).withdrawn ?? []).not.toContain("audit-history-tables"); // not shown as if it were valid

    // Mended in Git, it is valid again after the next sweep.
    pushDirect(fx.forge, "rfcs/meta", "rfcs/audit-history-tables.md", (t) => t.replace("state: shelved", "state: withdrawn"), "Mend the entry");
    await sweepOnce({ trigger: "manual" });
    expect((await slugsByState()).withdrawn).toEqual(["audit-history-tables"]);
    const again = (await (await getHealthRoute(new Request("http://quorum.test/api/health"), { params: Promise.resolve({}) })).json()) as { invalidEntries: unknown[] };
    expect(again.invalidEntries).toEqual([]);
  } finally {
    warn.mockRestore();
  }
});

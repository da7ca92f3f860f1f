import { randomUUID } from "node:crypto";
import { POST } from "@/app/api/webhooks/gitea/route";
import { enqueueRefresh, whenIdle } from "@/lib/cache/refresh-queue";
import { sweepOnce } from "@/lib/cache/sweep";
import { signBody } from "@/lib/cache/webhook/signature";
import { db } from "@/lib/db/client";
import { seedDemo } from "@/scripts/seed-demo";
import { waitUntil } from "@/tests/helpers/wait";
import { startCacheFixture, type CacheFixture } from "./fixture";
import { pushDirect } from "./git-direct";

// §4.1 a push refreshes only what its payload says moved (issue 15): the
// branch's heads before and after, and the files of its commits. A push to
// main the cache can follow is taken without listing the repo's branches —
// on the meta repo only the entries the commits touched are read, on a
// per-RFC repo RFC.md at the new head; a push the cache cannot follow (an
// event missed, a payload that lists fewer commits than were pushed) falls
// back to reading what Gitea holds.

let fx: CacheFixture;
beforeAll(async () => {
  fx = await startCacheFixture();
  await fx.pauseWebhooks();
  await seedDemo();
  await sweepOnce({ trigger: "manual" });
});
afterAll(() => fx.close());

type Logged = { event: string; payload: { ref?: string; before?: string; after?: string; total_commits?: number; commits?: unknown[] } };
const API = "/api/v1/repos";
const META = "rfcs/meta";
const ACTIVE = "rfcs/rfc-0001-event-log";

async function lastPush(repo: string): Promise<Logged> {
  const log = (await (await fx.forge.admin("/deliveries?event=push")).json()) as (Logged & { repository: string })[];
  const mine = log.filter((d) => d.repository === repo);
  return mine[mine.length - 1];
}

function deliver(d: Logged) {
  const body = JSON.stringify(d.payload);
  const headers = { "content-type": "application/json", "x-gitea-event": "push", "x-gitea-delivery": randomUUID(), "x-gitea-signature": signBody(body, fx.forge.webhookSecret) };
  return POST(new Request("http://app.test/api/webhooks/gitea", { method: "POST", headers, body }), { params: Promise.resolve({}) });
}

/** A commit through the contents API, as a git client's push lands; answers the new commit. */
async function commit(repo: string, path: string, edit: (t: string) => string): Promise<string> {
  const file = (await (await fx.forge.api(`${API}/${repo}/contents/${path}?ref=main`)).json()) as { sha: string; content: string };
  const text = edit(Buffer.from(file.content, "base64").toString("utf8"));
  const res = await fx.forge.api(`${API}/${repo}/contents/${path}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ branch: "main", sha: file.sha, content: Buffer.from(text).toString("base64"), message: "Edit" }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { commit: { sha: string } }).commit.sha;
}

/** The PR reads a push to main brings (the open PRs listed, and those Gitea is still checking read again while it checks, FACTS §7.2) left out. */
const withoutPulls = (routes: Record<string, number>) => Object.fromEntries(Object.entries(routes).filter(([r]) => !/\/pulls(\/\{index\})?$/.test(r)));

async function routesDuring(run: () => Promise<unknown>): Promise<Record<string, number>> {
  await fx.resetForgeRequests();
  await run();
  await whenIdle();
  return ((await (await fx.forge.admin("/requests")).json()) as { counts: Record<string, number> }).counts;
}

it("a push to meta main reads the entries its commits touched and nothing else of the repo", async () => {
  await commit(META, "rfcs/streaming-sync.md", (t) => t.replace(/^title: .*$/m, "title: Streaming sync, pushed"));
  const push = await lastPush(META);
  expect(push.payload.commits).toHaveLength(1);
  const routes = await routesDuring(() => deliver(push));
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "streaming-sync" } })).title).toBe("Streaming sync, pushed");
  expect(withoutPulls(routes)).toEqual({ "GET /api/v1/repos/{owner}/{repo}/raw/{filepath*}": 1 }); // the one entry, raw (no last-commit search)
  expect(routes["GET /api/v1/repos/{owner}/{repo}/pulls"]).toBe(1); // open PRs into main are re-checked by Gitea (FACTS §7.2)
  expect((await db().repoSync.findUniqueOrThrow({ where: { repo: META } })).mainHeadSha).toBe(push.payload.after);
});

it("a push to a per-RFC repo's main reads RFC.md at the new head without listing branches, and marks its branches stale", async () => {
  await db().cachedBranch.updateMany({ where: { home: ACTIVE }, data: { statusStale: false } });
  const sha = await commit(ACTIVE, "RFC.md", (t) => `${t}\n## Pushed\n\nA pushed section.\n`);
  const routes = await routesDuring(async () => deliver(await lastPush(ACTIVE)));
  const row = await db().cachedRfc.findUniqueOrThrow({ where: { slug: "event-log" } });
  expect(row.mainHeadSha).toBe(sha);
  expect(row.body).toContain("A pushed section.");
  expect(withoutPulls(routes)).toEqual({ "GET /api/v1/repos/{owner}/{repo}/raw/{filepath*}": 1 });
  expect(routes["GET /api/v1/repos/{owner}/{repo}/pulls"]).toBe(1);
  const branches = await db().cachedBranch.findMany({ where: { home: ACTIVE, state: "open" }, select: { statusStale: true } });
  expect(branches.length).toBeGreaterThan(0);
  expect(branches.every((b) => b.statusStale)).toBe(true);
});

it("a push whose `before` is not the cached head (an event was missed) lists the branches and ends on Gitea's state", async () => {
  pushDirect(fx.forge, ACTIVE, "RFC.md", (t) => `${t}\nMissed line.\n`, "Missed"); // no webhook
  const sha = await commit(ACTIVE, "RFC.md", (t) => `${t}\nSeen line.\n`);
  const routes = await routesDuring(async () => deliver(await lastPush(ACTIVE)));
  const row = await db().cachedRfc.findUniqueOrThrow({ where: { slug: "event-log" } });
  expect(row.mainHeadSha).toBe(sha);
  expect(row.body).toContain("Missed line.");
  expect(row.body).toContain("Seen line.");
  expect(routes["GET /api/v1/repos/{owner}/{repo}/branches"]).toBe(1);
});

it("a payload that lists fewer commits than were pushed reads the range's files from Gitea", async () => {
  await commit(META, "rfcs/streaming-sync.md", (t) => t.replace(/^title: .*$/m, "title: Streaming sync, truncated"));
  const push = await lastPush(META);
  const truncated = { ...push, payload: { ...push.payload, total_commits: 7 } };
  const routes = await routesDuring(() => deliver(truncated));
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "streaming-sync" } })).title).toBe("Streaming sync, truncated");
  expect(routes["GET /api/v1/repos/{owner}/{repo}/commits"]).toBe(1);
  expect(routes["GET /api/v1/repos/{owner}/{repo}/branches"]).toBeUndefined();
});

/** Three pushes to meta main, one after the other: the first and the third retitle streaming-sync ("…, <word>"). */
async function threePushes(word: string): Promise<[Logged, Logged, Logged]> {
  await commit(META, "rfcs/streaming-sync.md", (t) => t.replace(/^title: .*$/m, `title: Streaming sync, first ${word}`));
  const first = await lastPush(META);
  await commit(META, "rfcs/audit-history-tables.md", (t) => `${t}\nA ${word} note.\n`);
  const second = await lastPush(META);
  await commit(META, "rfcs/streaming-sync.md", (t) => t.replace(/^title: .*$/m, `title: Streaming sync, ${word}`));
  return [first, second, await lastPush(META)];
}

it("two pushes of one burst, delivered in reverse order, are taken as one move to the newest head", async () => {
  const [first, second, third] = await threePushes("reversed");
  // The first push's delivery comes first, as Gitea sends it before the later pushes exist; it
  // refreshes at once. Its answer means it is queued: sending the other two at the same moment
  // instead let them overtake it on PostgreSQL (each delivery's insert runs on a connection of its
  // own), and an overtaken head lists the branches, as a missed event does. The first refresh's
  // read of its entry is held until the other two are queued: they arrive while it runs, whatever
  // the machine's speed (on a loaded one, the third's refresh could otherwise start before the
  // second's delivery was recorded, and list).
  const entryRead = await fx.forge.hold("GET", `${API}/${META}/raw/**`);
  const routes = await routesDuring(async () => {
    expect((await deliver(first)).status).toBe(200);
    await Promise.all([deliver(third), deliver(second)]);
    await entryRead.release();
  });
  expect(await entryRead.fired()).toBe(true);
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "streaming-sync" } })).title).toBe("Streaming sync, reversed");
  expect((await db().repoSync.findUniqueOrThrow({ where: { repo: META } })).mainHeadSha).toBe(third.payload.after);
  expect(routes["GET /api/v1/repos/{owner}/{repo}/branches"]).toBeUndefined();
});

it("three pushes queued behind a running refresh, the last two reversed, are taken as one move", async () => {
  const [first, second, third] = await threePushes("queued");
  // A refresh of the meta repo is under way when the events come, as the merge watch's re-read of a
  // PR Gitea is checking often is (FACTS §7.2): all three wait for it and merge as they come. The
  // first and the third do not continue each other until the second arrives (stop 32's CI saw the
  // pair given up as a lost event, and the branches listed).
  const prList = await fx.forge.hold("GET", `${API}/${META}/pulls`);
  const routes = await routesDuring(async () => {
    const running = enqueueRefresh(META, { openPulls: true });
    await waitUntil(() => prList.fired(), { what: "the running refresh's held read" });
    for (const d of [first, third, second]) expect((await deliver(d)).status).toBe(200);
    await prList.release();
    expect((await running).ok).toBe(true);
  });
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "streaming-sync" } })).title).toBe("Streaming sync, queued");
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "audit-history-tables" } })).body).toContain("A queued note.");
  expect((await db().repoSync.findUniqueOrThrow({ where: { repo: META } })).mainHeadSha).toBe(third.payload.after);
  expect(routes["GET /api/v1/repos/{owner}/{repo}/branches"]).toBeUndefined();
});

import { metaRepo } from "@/lib/bot/meta-entry";
import { getConfig } from "@/lib/config";
import { REDIS_PREFIX } from "@/lib/coordination/redis-client";
import { db, disconnectDb } from "@/lib/db/client";
import { getBranch, listCommitsSince, listOrgRepos, listPulls } from "@/lib/gitea";
import { threadTopic } from "@/lib/realtime/topics";
import { sseEvents } from "../ai/sse";
import { MODEL, propose, readDoc } from "../ai/decide-helpers";
import { setupFixture, SUPER, type Fixture } from "../ai/fixture";
import { startInstance, type Instance } from "../../helpers/instances";
import { startTestPostgres, type TestPostgres } from "../../helpers/postgres";
import { startTestRedis, type TestRedis } from "../../helpers/redis";
import { sessionCookieFor } from "../../helpers/session";
import { waitUntil } from "../../helpers/wait";

// Issue 19: two app instances, each a process of its own with its own bus,
// locks and reconciler, against one Redis (COORDINATION=redis through
// REDIS_URL), one database (a SQLite file in WAL mode, or PostgreSQL) and the
// forge. A chat message posted on A streams
// to a reader on B; concurrent accepts spread over both commit once per
// group of overlapping changes; a graduation whose instance is killed is
// rolled back (before its merge) or finished (after it) once by the instance
// that leads, leaving no orphan in the forge; one instance leads the
// reconciler, and when it dies the other takes the lead within one interval.

const INTERVAL_S = 6;
// One suite per test file (Jest loads this module afresh for each).
let fx: Fixture;
let redis: TestRedis;
let a: Instance;
let b: Instance;

/** The suite, against one SQLite file shared by the instances or one PostgreSQL database. */
export function describeInstances(database: "sqlite" | "postgres"): void {
  jest.setTimeout(240_000);
  let pg: TestPostgres | null = null;

  beforeAll(async () => {
    if (database === "postgres") {
      pg = await startTestPostgres();
      const url = await pg.migratedDatabase("quorum_instances");
      fx = await setupFixture({ AI_COMPAT_BASE_URL: "http://127.0.0.1:9/v1", AI_MODELS: MODEL }, { database: { url, close: disconnectDb } });
    } else fx = await setupFixture({ AI_COMPAT_BASE_URL: "http://127.0.0.1:9/v1", AI_MODELS: MODEL });
    redis = await startTestRedis();
    const env = { REDIS_URL: redis.url, RECONCILE_INTERVAL_S: String(INTERVAL_S) };
    [a, b] = await Promise.all([startInstance("A", env), startInstance("B", env)]);
    for (const name of ["fanout", "race"]) await fx.cutBranch(SUPER, name);
  });
  afterAll(async () => {
    await Promise.all([a?.kill("SIGKILL"), b?.kill("SIGKILL")]);
    await redis?.stop();
    await fx?.close();
    await pg?.stop();
  });

  tests();
}

const headers = async (login = "alice") => ({
  cookie: await sessionCookieFor({ login }),
  origin: new URL(getConfig().appUrl).origin,
  "content-type": "application/json",
});

type Health = { ok: boolean; redis: { ok: boolean } | null; reconciler: { instance: string; leader: string | null; leads: boolean } };
const health = async (i: Instance) => (await (await fetch(`${i.url}/api/health`)).json()) as Health;

function tests(): void {
  it("streams a message posted through A to a reader connected to B", async () => {
    const threadId = await fx.mainThreadId(SUPER, "fanout");
    const reader = new AbortController();
    const stream = await fetch(`${b.url}/api/threads/${threadId}/events`, { headers: await headers("bob"), signal: reader.signal });
    expect(stream.status).toBe(200);
    const events = sseEvents(stream);
    expect((await events.next()).value).toMatchObject({ event: "ready" });
    // B listens on Redis before A publishes (the SUBSCRIBE goes out as the stream opens).
    const channel = `${REDIS_PREFIX}live:${threadTopic(threadId)}`; // liveBus (lib/realtime/live-bus.ts) on the Redis bus
    await waitUntil(async () => ((await redis.client.pubsub("NUMSUB", channel)) as [string, number])[1] === 1, {
      what: "B's subscription in Redis",
    });
    const posted = await fetch(`${a.url}/api/threads/${threadId}/messages`, {
      method: "POST", headers: await headers("alice"), body: JSON.stringify({ body: "Posted on A, read on B" }),
    });
    expect(posted.status).toBe(201);
    for await (const e of events) {
      if (e.event !== "message") continue;
      expect(e.data).toMatchObject({ body: "Posted on A, read on B", threadId });
      break;
    }
    reader.abort();
  });

  it("commits 20 concurrent accepts spread over A and B once per group of overlapping changes; the rest are stale", async () => {
    const before = await readDoc(SUPER, "race");
    // Five groups in five blocks; the four changes of a group edit the same words.
    const groups = [
      ["five minutes", ["ten minutes", "an hour", "a day", "a week"]],
      ["Motivation", ["Why", "Reasons", "Purpose", "Background"]],
      ["Reads dominate", ["Reads prevail", "Reads win", "Reads lead", "Reads rule"]],
      ["Risks", ["Dangers", "Hazards", "Caveats", "Pitfalls"]],
      ["Stale reads are possible", ["Stale reads can occur", "Reads may be stale", "Old reads happen", "Staleness is possible"]],
    ] as const;
    const { ids } = await propose(
      SUPER, "race",
      groups.flatMap(([original, proposals]) => proposals.map((proposed) => ({ original, proposed, reason: proposed }))),
    );
    const cookieHeaders = await headers("alice");
    const answers = await Promise.all(
      ids.map((id, i) => fetch(`${(i % 2 ? b : a).url}/api/changes/${id}/accept`, { method: "POST", headers: cookieHeaders, body: "{}" })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);

    const rows = await db().change.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const after = await readDoc(SUPER, "race");
    for (const [g, [original, proposals]] of groups.entries()) {
      const group = ids.slice(g * 4, g * 4 + 4).map((id) => byId.get(id)!);
      expect(group.map((c) => c.status).sort()).toEqual(["accepted", "stale", "stale", "stale"]);
      const accepted = group.find((c) => c.status === "accepted")!;
      expect(after.text).toContain(accepted.proposed); // nothing lost
      expect(proposals.filter((p) => after.text.includes(p))).toEqual([accepted.proposed]);
      expect(after.text).not.toContain(original);
    }
    // Exactly five commits on the branch since: one per group, each on the one before.
    let sha = after.headSha;
    let commits = 0;
    while (sha !== before.headSha && commits <= 20) {
      const { parents } = await fx.commitMessage(getConfig().metaRepoFullName, sha);
      expect(parents).toHaveLength(1);
      sha = parents[0];
      commits++;
    }
    expect(commits).toBe(5);
  });

  /** Graduates SUPER on a third instance, C, that kills itself (SIGKILL, no cleanup) at `point`; the row C left running. */
  async function graduateOnDyingInstance(point: string) {
    const c = await startInstance("C", { REDIS_URL: redis.url, RECONCILE_INTERVAL_S: String(INTERVAL_S), QUORUM_TEST_HOOKS: "1", QUORUM_TEST_CRASH_AT: point });
    try {
      const res = await fetch(`${c.url}/api/rfcs/${SUPER}/graduate`, {
        method: "POST", headers: await headers("bob"), body: JSON.stringify({ id: "RFC-0002", repo: "rfc-0002-cache-policy" }),
      }).catch(() => null); // answered before the steps run, or C died first
      expect([202, undefined]).toContain(res?.status);
      await waitUntil(() => c.gone(), { what: `C to die at ${point}` });
    } finally {
      await c.kill("SIGKILL");
    }
    expect(c.log.join("\n")).toContain(`test crash point ${point}`);
    const left = await db().graduation.findFirstOrThrow({ where: { slug: SUPER }, orderBy: { id: "desc" } });
    expect(left.status).toBe("running");
    return left;
  }

  /** C held the slug's lock in Redis; it expires, and the leader's next tick completes or rolls back the run, once. */
  async function settledByLeader(graduationId: number) {
    const final = await waitUntil(async () => {
      const row = await db().graduation.findUniqueOrThrow({ where: { id: graduationId } });
      return row.status === "running" ? null : row;
    }, { timeoutMs: 120_000, what: "A or B to settle the graduation C left running" });
    const closing = await db().action.findMany({ where: { rfcSlug: SUPER, kind: { in: ["graduate_complete", "graduate_rollback"] } } });
    const ofRun = closing.filter((a) => JSON.parse(a.details).graduationId === graduationId);
    expect(ofRun.map((a) => JSON.parse(a.details).recovered)).toEqual([true]);
    return { final, closing: ofRun[0].kind };
  }

  const orgRepos = async () => (await listOrgRepos(getConfig().org)).map((r) => r.full_name).sort();
  const before = () => [getConfig().metaRepoFullName, `${getConfig().org}/rfc-0001-retry-budget`].sort();

  it("rolls back, once, a graduation whose instance was killed before its merge: no orphan repo, branch or PR", async () => {
    const left = await graduateOnDyingInstance("graduation:open_pr:after");
    const { final, closing } = await settledByLeader(left.id);
    expect([final.status, closing]).toEqual(["interrupted", "graduate_rollback"]);
    expect(await orgRepos()).toEqual(before());
    expect((await listPulls(metaRepo(), "open")).filter((p) => p.title?.endsWith(" as RFC-0002"))).toEqual([]);
    expect(await getBranch(metaRepo(), `graduate/${SUPER}`)).toBeNull();
    expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: SUPER } })).state).toBe("super-draft");
  });

  it("finishes, once, a graduation whose instance was killed after its merge: the leading instance takes it over", async () => {
    const left = await graduateOnDyingInstance("graduation:merge_pr:after"); // §13.5: merged is final
    const { final, closing } = await settledByLeader(left.id);
    expect([final.status, closing]).toEqual(["succeeded", "graduate_complete"]);
    // One repo, seeded once; one merged graduation PR; no branch or PR left behind.
    expect(await orgRepos()).toEqual([...before(), `${getConfig().org}/rfc-0002-cache-policy`].sort());
    const seeded = await listCommitsSince({ owner: getConfig().org, repo: "rfc-0002-cache-policy" }, "main", null);
    expect(seeded.filter((cm) => cm.message.startsWith("Seed RFC-0002"))).toHaveLength(1);
    // (A merged PR's head branch is deleted, so Gitea names its head refs/pull/N/head: found by title.)
    const merged = (await listPulls(metaRepo(), "all")).filter((p) => p.title?.endsWith(" as RFC-0002") && p.merged);
    expect(merged).toHaveLength(1);
    expect((await listPulls(metaRepo(), "open")).filter((p) => p.title?.endsWith(" as RFC-0002"))).toEqual([]);
    await waitUntil(async () => (await db().cachedRfc.findUnique({ where: { slug: SUPER } }))?.state === "active", { what: `${SUPER} active in the catalog` });
  });

  it("lets one instance lead the reconciler, never sweeps twice at once, and hands the lead over within one interval when the leader dies", async () => {
    const leader = await waitUntil(
      async () => {
        const [ha, hb] = await Promise.all([health(a), health(b)]);
        const agree = ha.reconciler.leader && ha.reconciler.leader === hb.reconciler.leader;
        return agree && ha.reconciler.leads !== hb.reconciler.leads ? ha.reconciler.leader : null;
      },
      { what: "A and B to agree on one leader" },
    );
    expect(["A", "B"]).toContain(leader);
    const [dead, heir] = leader === "A" ? [a, b] : [b, a];
    expect((await health(heir)).redis).toEqual({ ok: true });
    // Both ran a startup tick; only the leader swept, and sweeps never overlapped.
    await waitUntil(async () => (await db().sweepRun.count({ where: { finishedAt: { not: null } } })) >= 1, { what: "a finished sweep" });
    const runs = await db().sweepRun.findMany({ orderBy: { startedAt: "asc" } });
    expect(new Set(runs.map((r) => r.instance))).toEqual(new Set([leader]));
    expect(runs.filter((r) => r.finishedAt).map((r) => [r.errors, r.error])).toEqual(runs.filter((r) => r.finishedAt).map(() => [0, null]));
    for (let i = 1; i < runs.length; i++) expect(runs[i].startedAt.getTime()).toBeGreaterThanOrEqual(runs[i - 1].finishedAt!.getTime());

    const killedAt = Date.now();
    await dead.kill("SIGKILL");
    await waitUntil(async () => (await health(heir)).reconciler.leads, { timeoutMs: 60_000, intervalMs: 100, what: `${heir.name} to take the lead` });
    expect(Date.now() - killedAt).toBeLessThan(INTERVAL_S * 1000);
    await waitUntil(async () => db().sweepRun.findFirst({ where: { instance: heir.name, trigger: "takeover" } }), { what: `${heir.name}'s first sweep` });
    expect((await health(heir)).reconciler.leader).toBe(heir.name);
  });

  it("answers 503 from /api/health, naming Redis, while Redis is unreachable", async () => {
    const live = (await health(a).catch(() => null)) ? a : b; // the other was killed above
    await redis.stop();
    const res = await waitUntil(async () => {
      const r = await fetch(`${live.url}/api/health`);
      return r.status === 503 ? r : null;
    }, { what: "health to report Redis down" });
    const body = (await res.json()) as Health & { status: string };
    expect(body.status).toBe("down");
    expect(body.redis?.ok).toBe(false);
    expect(body.reconciler.leader).toBeNull();
  });
}

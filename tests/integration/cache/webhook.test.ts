import { randomUUID } from "node:crypto";
import { POST } from "@/app/api/webhooks/gitea/route";
import { proposeIdea } from "@/lib/bot/propose-idea";
import { closeMetaPr } from "@/lib/bot/close-meta-pr";
import { mergeMetaPr } from "@/lib/bot/merge-meta-pr";
import { refreshQueueStats, whenIdle } from "@/lib/cache/refresh-queue";
import { signBody } from "@/lib/cache/webhook/signature";
import { db } from "@/lib/db/client";
import { startCacheFixture, type CacheFixture } from "./fixture";
import { pushDirect } from "./git-direct";
import { sweepOnce } from "@/lib/cache/sweep";

// §4.1 webhook route: signature before parsing, de-duplication, dispatch,
// convergence. Deliveries are taken from the forge's log (webhooks paused)
// and posted to the route handler by the test, in the order it chooses.

let fx: CacheFixture;
beforeAll(async () => {
  fx = await startCacheFixture();
  await fx.pauseWebhooks();
});
afterAll(() => fx.close());

type Logged = { event: string; event_type: string; repository: string; payload: unknown };
const forgeDeliveries = async (): Promise<Logged[]> => (await (await fx.forge.admin("/deliveries")).json()) as Logged[];

function post(body: string, headers: Record<string, string | null>) {
  const h = new Headers({ "content-type": "application/json" });
  for (const [k, v] of Object.entries(headers)) if (v !== null) h.set(k, v);
  return POST(new Request("http://app.test/api/webhooks/gitea", { method: "POST", headers: h, body }), { params: Promise.resolve({}) });
}

const deliver = (d: Pick<Logged, "event" | "payload">, id = randomUUID()) => {
  const body = JSON.stringify(d.payload, null, 2);
  return post(body, { "x-gitea-event": d.event, "x-gitea-delivery": id, "x-gitea-signature": signBody(body, fx.forge.webhookSecret) });
};

const countRows = async () =>
  Promise.all([db().webhookDelivery.count(), db().cachedRfc.count(), db().cachedPr.count(), db().cachedBranch.count(), db().repoSync.count()]);

describe("signature", () => {
  const body = JSON.stringify({ ref: "refs/heads/main", repository: { full_name: "rfcs/meta" } });
  const good = () => signBody(body, fx.forge.webhookSecret);
  it.each([
    { name: "missing", signature: () => null },
    { name: "empty", signature: () => "" },
    { name: "signed with another secret", signature: () => signBody(body, "not-the-secret") },
    { name: "of other bytes", signature: () => signBody(`${body} `, fx.forge.webhookSecret) },
    { name: "truncated", signature: () => good().slice(0, 32) },
    { name: "sha256= prefixed (GitHub style)", signature: () => `sha256=${good()}` },
    { name: "not hex", signature: () => "z".repeat(64) },
  ])("$name → 401 and no database write", async ({ signature }) => {
    const before = await countRows();
    const runs = refreshQueueStats().runs;
    const res = await post(body, { "x-gitea-event": "push", "x-gitea-delivery": randomUUID(), "x-gitea-signature": signature() });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    await whenIdle();
    expect(await countRows()).toEqual(before);
    expect(refreshQueueStats().runs).toBe(runs);
  });

  it("a correct signature is accepted", async () => {
    const res = await post(body, { "x-gitea-event": "push", "x-gitea-delivery": randomUUID(), "x-gitea-signature": good() });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "queued", repo: "rfcs/meta" });
    await whenIdle();
  });
});

it("the same delivery twice causes one refresh", async () => {
  const payload = { ref: "refs/heads/main", repository: { full_name: "rfcs/meta" } };
  const id = randomUUID();
  const runs = refreshQueueStats().runs;
  expect(await (await deliver({ event: "push", payload }, id)).json()).toMatchObject({ status: "queued" });
  await whenIdle();
  expect(await (await deliver({ event: "push", payload }, id)).json()).toMatchObject({ status: "duplicate" });
  await whenIdle();
  expect(refreshQueueStats().runs).toBe(runs + 1);
  expect(await db().webhookDelivery.count({ where: { id } })).toBe(1);
});

it("events for repos Quorum does not know, and events it does not use, are answered 200 and ignored", async () => {
  const other = await deliver({ event: "push", payload: { ref: "refs/heads/main", repository: { full_name: "rfcs/somebody-elses" } } });
  expect(await other.json()).toMatchObject({ status: "ignored" });
  const comment = await deliver({ event: "issue_comment", payload: { action: "created", repository: { full_name: "rfcs/meta" } } });
  expect(comment.status).toBe(200);
  expect(await comment.json()).toMatchObject({ status: "ignored" });
});

it("two deliveries in reverse order converge to Gitea's current state", async () => {
  const alice = await fx.actor("alice");
  const { prNumber } = await proposeIdea({ actor: alice, slug: "late-idea", title: "Late idea", summary: "s", tags: [] });
  await closeMetaPr({ actor: await fx.actor("carol", "admin"), number: prNumber, reason: "No" });
  const pr = (await forgeDeliveries()).filter((d) => d.event === "pull_request");
  expect(pr.map((d) => (d.payload as { action: string }).action)).toEqual(["opened", "closed"]);
  await deliver(pr[1]); // closed first …
  await whenIdle();
  await deliver(pr[0]); // … then the stale "opened"
  await whenIdle();
  const row = await db().cachedPr.findUniqueOrThrow({ where: { repo_number: { repo: "rfcs/meta", number: prNumber } } });
  expect(row.state).toBe("closed");
});

it("pushes delivered out of order still leave the newest text", async () => {
  const { prNumber } = await proposeIdea({ actor: await fx.actor("alice"), slug: "ordered", title: "Ordered", summary: "one", tags: [] });
  await mergeMetaPr({ actor: await fx.actor("carol", "admin"), number: prNumber });
  await sweepOnce({ trigger: "manual" });
  const before = (await forgeDeliveries()).length;
  pushDirect(fx.forge, "rfcs/meta", "rfcs/ordered.md", (t) => t.replace("title: Ordered", "title: Ordered A"), "A");
  pushDirect(fx.forge, "rfcs/meta", "rfcs/ordered.md", (t) => t.replace("title: Ordered A", "title: Ordered B"), "B");
  expect((await forgeDeliveries()).length).toBe(before); // straight into git: no webhooks at all
  // Two pushes replayed in either order only say "meta main moved": the refresh reads B.
  const payload = { ref: "refs/heads/main", repository: { full_name: "rfcs/meta" } };
  await deliver({ event: "push", payload: { ...payload, after: "b" } });
  await deliver({ event: "push", payload: { ...payload, after: "a" } });
  await whenIdle();
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "ordered" } })).title).toBe("Ordered B");
});

it("100 deliveries in a burst cost one or two refreshes, and the cache ends on Gitea's newest state", async () => {
  const { prNumber } = await proposeIdea({ actor: await fx.actor("alice"), slug: "bursty", title: "Bursty", summary: "one", tags: [] });
  await mergeMetaPr({ actor: await fx.actor("carol", "admin"), number: prNumber });
  await sweepOnce({ trigger: "manual" });
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "bursty" } })).title).toBe("Bursty");
  pushDirect(fx.forge, "rfcs/meta", "rfcs/bursty.md", (t) => t.replace("title: Bursty", "title: Bursty, newest"), "Retitle");
  const payload = { ref: "refs/heads/main", repository: { full_name: "rfcs/meta" } };
  const runs = refreshQueueStats().runs;
  // The first refresh's listing is held until every delivery is answered, so the other 99 arrive
  // while it runs however slow the machine (a pause of 150 ms between two deliveries would
  // otherwise end the burst, and a slow one outlast the 3 s cap).
  const listing = await fx.forge.hold("GET", "/api/v1/repos/rfcs/meta/branches");
  const answers = await Promise.all(Array.from({ length: 100 }, () => deliver({ event: "push", payload })));
  expect(answers.map((a) => a.status)).toEqual(Array(100).fill(200));
  await listing.release();
  await whenIdle();
  const used = refreshQueueStats().runs - runs;
  expect(used).toBeGreaterThanOrEqual(1);
  expect(used).toBeLessThanOrEqual(2);
  expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug: "bursty" } })).title).toBe("Bursty, newest");
});

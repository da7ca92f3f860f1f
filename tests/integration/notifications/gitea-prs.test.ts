import { randomUUID } from "node:crypto";
import { signBody } from "@/lib/cache/webhook/signature";
import { db } from "@/lib/db/client";
import { createActiveRfc } from "@/scripts/seed/active-rfc";
import { startCacheFixture, type CacheFixture } from "../cache/fixture";
import { waitUntil } from "../../helpers/wait";

// Issue 14 / §15: a PR opened or merged in Gitea itself — Quorum hears of it
// only through the forge's org webhook, delivered to the app's route — tells
// the RFC's owners as a PR opened through Quorum does, naming the Gitea user
// who did it (the webhook's sender, §15.9), once however often it is
// delivered; a PR the bot opens or merges for someone is told by the app's
// own path, naming that person, never the bot.

let fx: CacheFixture;
const SLUG = "gitea-direct";
let repo = "";
beforeAll(async () => {
  fx = await startCacheFixture();
  const olive = await fx.actor("olive");
  await fx.actor("otto");
  repo = (await createActiveRfc(olive, { slug: SLUG, title: "Gitea direct", number: 41, body: "# Gitea direct\n\nThe first line.\n", proposedBy: "olive", owners: ["olive", "otto"], arbiters: ["otto"], tags: [] })).repo;
  await fx.settle(); // the cache knows the RFC and its repo from the webhooks
  // alice works in Gitea only (no Quorum account): a collaborator who may push and merge.
  const res = await fx.forge.api(`/api/v1/repos/${repo}/collaborators/alice`, { method: "PUT", body: JSON.stringify({ permission: "write" }) });
  expect(res.status).toBe(204);
});
afterAll(() => fx.close());

const alice = () => fx.forge.users.alice.token;
async function gitea(path: string, init: RequestInit & { token?: string } = {}) {
  const res = await fx.forge.api(`/api/v1/repos/${repo}${path}`, init, init.token ?? alice());
  if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
  const text = await res.text(); // a merge answers 200 with no body
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}
const notes = (kind: string) => db().notification.findMany({ where: { rfcSlug: SLUG, kind }, orderBy: { createdAt: "asc" } });
const loginsOf = async (rows: { userId: number }[]) => {
  const users = await db().user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { login: true } });
  return users.map((u) => u.login).sort();
};

test("a PR opened and merged in Gitea by a person: the owners hear of each once, naming that person", async () => {
  await gitea("/branches", { method: "POST", body: JSON.stringify({ new_branch_name: "typo", old_branch_name: "main" }) });
  const file = await gitea("/contents/RFC.md?ref=typo");
  const text = Buffer.from(String(file.content), "base64").toString("utf8").replace("The first line.", "The first line, fixed.");
  await gitea("/contents/RFC.md", { method: "PUT", body: JSON.stringify({ branch: "typo", sha: file.sha, message: "Fix a typo", content: Buffer.from(text).toString("base64") }) });
  const pr = await gitea("/pulls", { method: "POST", body: JSON.stringify({ head: "typo", base: "main", title: "Fix a typo" }) });
  await fx.settle();
  await waitUntil(async () => (await notes("pr_opened")).length >= 2, { what: "the owners told of the PR alice opened in Gitea" });
  const opened = await notes("pr_opened");
  expect(await loginsOf(opened)).toEqual(["olive", "otto"]);
  // Named as Gitea names her: she has never signed in to Quorum.
  expect(opened[0]).toMatchObject({ actorLogin: "alice", actorName: "Alice Archer", prNumber: pr.number, branch: "typo", url: `/rfcs/${SLUG}?branch=typo` });
  expect(opened[0].text).toBe(`Alice Archer opened PR #${String(pr.number)} from typo on ${SLUG}`);

  await fx.forge.drainChecks(); // Gitea checks mergeability in the background before a merge
  await waitUntil(async () => (await fx.forge.api(`/api/v1/repos/${repo}/pulls/${String(pr.number)}`, {}, alice()).then((r) => r.json() as Promise<{ mergeable: boolean }>)).mergeable, { what: "Gitea's merge check" });
  await gitea(`/pulls/${String(pr.number)}/merge`, { method: "POST", body: JSON.stringify({ Do: "merge" }) });
  await fx.settle();
  await waitUntil(async () => (await notes("pr_merged")).length >= 2, { what: "the owners told of the merge in Gitea" });
  const merged = await notes("pr_merged");
  expect(await loginsOf(merged)).toEqual(["olive", "otto"]);
  expect(merged[0]).toMatchObject({ actorLogin: "alice", text: `Alice Archer merged PR #${String(pr.number)} from typo on ${SLUG}` });

  // Gitea delivering the same events again (a redelivery has a delivery id of its own) tells nobody twice.
  const deliveries = (await (await fx.forge.admin("/deliveries")).json()) as { event: string; repository: string; payload: unknown }[];
  const prEvents = deliveries.filter((d) => d.event === "pull_request" && d.repository === repo);
  expect(prEvents.length).toBeGreaterThanOrEqual(2);
  for (const d of prEvents) {
    const body = JSON.stringify(d.payload);
    const headers = { "content-type": "application/json", "x-gitea-event": d.event, "x-gitea-delivery": randomUUID(), "x-gitea-signature": signBody(body, fx.forge.webhookSecret) };
    expect((await fetch(`${fx.app.url}/api/webhooks/gitea`, { method: "POST", headers, body })).status).toBe(200);
  }
  await fx.settle();
  expect([(await notes("pr_opened")).length, (await notes("pr_merged")).length]).toEqual([2, 2]);
});

test("a PR the bot opens for someone names nobody from the webhook: the bot is never the actor", async () => {
  await gitea("/branches", { method: "POST", body: JSON.stringify({ new_branch_name: "bot-made", old_branch_name: "main" }), token: fx.forge.botToken });
  const pr = await gitea("/pulls", { method: "POST", body: JSON.stringify({ head: "bot-made", base: "main", title: "By the bot" }), token: fx.forge.botToken });
  await fx.settle();
  await waitUntil(() => db().cachedPr.findUnique({ where: { repo_number: { repo, number: Number(pr.number) } } }), { what: "the bot's PR in the cache" });
  await fx.settle();
  expect(await db().notification.count({ where: { rfcSlug: SLUG, prNumber: Number(pr.number) } })).toBe(0);
  expect(await db().notification.count({ where: { actorLogin: fx.forge.botUser } })).toBe(0);
});

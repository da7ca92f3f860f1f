import { declineIdea } from "@/lib/bot/decline-idea";
import { mergeMetaPr } from "@/lib/bot/merge-meta-pr";
import { proposeIdea } from "@/lib/bot/propose-idea";
import { db } from "@/lib/db/client";
import { listCatalogOverview } from "@/lib/db/queries/catalog";
import { listPendingIdeas } from "@/lib/db/queries/pending-ideas";
import type { Behaviour } from "@/forge/behaviour";
import type { GiteaVersion } from "@/forge/profile";
import { startCacheFixture, type CacheFixture } from "./fixture";

// §3 states 1–2 and §7.3 through real webhooks: the bot writes to the forge,
// the forge's org webhook reaches the app's route, the cache follows — on
// each Gitea release, and with the deliveries of each write sent in reverse
// order once (Gitea's queue promises no order, FACTS §7.10).

let fx: CacheFixture;
const FORGES: { gitea: GiteaVersion; webhookOrder: Behaviour["webhookOrder"] }[] = [
  { gitea: "1.22", webhookOrder: "reverse" },
  { gitea: "1.24", webhookOrder: "concurrent" },
];

describe.each(FORGES)("Gitea $gitea, webhooks $webhookOrder", ({ gitea, webhookOrder }) => {
  beforeAll(async () => {
    fx = await startCacheFixture({ forge: { gitea, behaviour: { webhookOrder } } });
  });
  afterAll(() => fx.close());

  const propose = async (slug: string, title: string) =>
    proposeIdea({ actor: await fx.actor("alice"), slug, title, summary: `Why ${title} matters.`, tags: ["sync"] });

  it("a proposed idea shows as pending, by its proposer (never the bot)", async () => {
    const { prNumber } = await propose("streaming-sync", "Streaming sync");
    await fx.settle();
    const ideas = await listPendingIdeas();
    expect(ideas).toEqual([
      expect.objectContaining({ number: prNumber, slug: "streaming-sync", title: "Streaming sync", proposedBy: "alice", summary: "Why Streaming sync matters.", tags: ["sync"] }),
    ]);
    expect(fx.app.hits.some((h) => h.path === "/api/webhooks/gitea" && h.status === 200)).toBe(true);
  });

  it("a pending idea's tags follow its entry file when someone edits it on the propose branch", async () => {
    const path = `/api/v1/repos/${fx.forge.org}/${fx.forge.metaRepo}/contents/rfcs/streaming-sync.md`;
    const file = (await (await fx.forge.api(`${path}?ref=propose/streaming-sync`)).json()) as { content: string; sha: string };
    const text = Buffer.from(file.content, "base64").toString("utf8");
    const edited = text.replace(/^tags:.*(\n\s+- .*)*$/m, "tags: [sync, offline]");
    expect(edited).not.toBe(text);
    const res = await fx.forge.api(path, {
      method: "PUT",
      body: JSON.stringify({ branch: "propose/streaming-sync", sha: file.sha, message: "More tags", content: Buffer.from(edited).toString("base64") }),
    });
    expect(res.status).toBe(200);
    await fx.settle();
    expect((await listPendingIdeas()).map((i) => [i.slug, i.tags])).toEqual([["streaming-sync", ["sync", "offline"]]]);
  });

  it("merging the idea makes it a super-draft in the catalog and empties the pending list", async () => {
    const [idea] = await listPendingIdeas();
    await mergeMetaPr({ actor: await fx.actor("carol", "admin"), number: idea.number, expectKind: "idea" });
    await fx.settle();
    expect(await listPendingIdeas()).toEqual([]);
    expect(await listCatalogOverview({ perState: 10 })).toEqual([
      expect.objectContaining({ slug: "streaming-sync", state: "super-draft", title: "Streaming sync", tags: ["sync", "offline"], owners: [], summary: "Why Streaming sync matters." }),
    ]);
    const row = await db().cachedRfc.findUniqueOrThrow({ where: { slug: "streaming-sync" } });
    expect(row.body).toBe("Why Streaming sync matters.\n");
    expect(row.proposedBy).toBe("alice");
    const pr = await db().cachedPr.findUniqueOrThrow({ where: { repo_number: { repo: "rfcs/meta", number: idea.number } } });
    expect(pr).toMatchObject({ state: "merged", kind: "idea", openedBy: "alice" });
  });

  it("declining an idea removes it from the pending list and keeps the reason in the audit log", async () => {
    const { prNumber } = await propose("tabs-vs-spaces", "Tabs versus spaces");
    await fx.settle();
    expect((await listPendingIdeas()).map((i) => i.slug)).toEqual(["tabs-vs-spaces"]);
    await declineIdea({ actor: await fx.actor("carol", "admin"), number: prNumber, reason: "Settled by the style guide" });
    await fx.settle();
    expect(await listPendingIdeas()).toEqual([]);
    const audit = await db().action.findFirstOrThrow({ where: { kind: "decline_idea", prNumber } });
    expect(audit.onBehalfOf).toBe("carol");
    expect(JSON.parse(audit.details)).toMatchObject({ reason: "Settled by the style guide" });
    const pr = await db().cachedPr.findUniqueOrThrow({ where: { repo_number: { repo: "rfcs/meta", number: prNumber } } });
    expect(pr.state).toBe("closed");
    // The reason is also a comment on the closed PR, for people reading Gitea.
    const res = await fx.forge.api(`/api/v1/repos/${fx.forge.org}/${fx.forge.metaRepo}/issues/${prNumber}/comments`);
    expect(res.status).toBe(200);
    const comments = (await res.json()) as { body: string; user: { login: string } }[];
    expect(comments).toEqual([
      expect.objectContaining({ body: "Declined: Settled by the style guide\n\nOn-behalf-of: Carol <carol>\n", user: expect.objectContaining({ login: fx.forge.botUser }) }),
    ]);
    const closed = await (await fx.forge.api(`/api/v1/repos/${fx.forge.org}/${fx.forge.metaRepo}/pulls/${prNumber}`)).json();
    expect(closed).toMatchObject({ state: "closed", merged: false, comments: 1 });
    expect((await listCatalogOverview({ perState: 10 })).map((r) => r.slug)).toEqual(["streaming-sync"]);
    // The slug is free again: the propose branch was deleted with the decline.
    await expect(propose("tabs-vs-spaces", "Tabs versus spaces, again")).resolves.toMatchObject({ branch: "propose/tabs-vs-spaces" });
  });

  it("a second proposal of a slug on main is a conflict", async () => {
    await expect(propose("streaming-sync", "Again")).rejects.toMatchObject({ code: "conflict" });
  });
});

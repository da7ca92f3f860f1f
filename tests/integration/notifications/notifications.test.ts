import { GET as listRoute } from "@/app/api/notifications/route";
import { POST as readRoute } from "@/app/api/notifications/read/route";
import { POST as flagRoute } from "@/app/api/flags/route";
import { POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { db } from "@/lib/db/client";
import { liveBus, type LiveMessage } from "@/lib/realtime/live-bus";
import { userTopic } from "@/lib/realtime/topics";
import { mentionedLogins, notifyClaim, notifyDecision, notifyGraduated, notifyIdea, notifyPr } from "@/lib/notifications/events";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { getConfig } from "@/lib/config";
import { setupFixture, SUPER, type Fixture, type Login } from "../ai/fixture";
import { decisions, MODEL, propose } from "../ai/decide-helpers";
import { waitUntil } from "../../helpers/wait";

// §15 / issue 14: each event kind gives exactly one notification to each
// person it concerns, naming who acted (never the bot, §15.9), and none to
// the person who acted. The bell's list pages newest first; marking read
// follows on every open page through the recipient's live stream.

let fx: Fixture;
let d: ReturnType<typeof decisions>;
const ids: Record<string, number> = {};
beforeAll(async () => {
  fx = await setupFixture({ AI_COMPAT_BASE_URL: "http://127.0.0.1:9/v1", AI_MODELS: MODEL });
  d = decisions(fx);
  await fx.cutBranch(SUPER, "notify", "alice");
  await fx.cutBranch(SUPER, "secret-notes", "erin", "private");
  for (const login of ["alice", "bob", "carol", "erin"]) await db().user.update({ where: { login }, data: { name: login[0].toUpperCase() + login.slice(1) } });
  for (const u of await db().user.findMany()) ids[u.login] = u.id;
});
afterAll(() => fx.close());

const of = (login: string, kind?: string) => db().notification.findMany({ where: { userId: ids[login], ...(kind ? { kind } : {}) }, orderBy: { createdAt: "asc" } });
const count = async (login: string, kind: string) => (await of(login, kind)).length;
const waitFor = (login: string, kind: string, n = 1) => waitUntil(async () => (await count(login, kind)) >= n, { what: `${n} ${kind} notification(s) for ${login}` });

describe("each event kind, once, for the right people, naming the actor", () => {
  it("your change accepted / declined: the person who asked the AI for it", async () => {
    const { messageId, ids: changeIds } = await propose(SUPER, "notify", [
      { original: "five minutes", proposed: "ten minutes", reason: "TTL." },
      { original: "Reads dominate", proposed: "Reads rule", reason: "Shorter." },
    ]);
    await db().threadMessage.update({ where: { id: messageId }, data: { details: JSON.stringify({ parts: [], askedBy: "erin" }) } });
    const seen: LiveMessage[] = [];
    const off = liveBus.subscribe(userTopic(ids.erin), (m) => seen.push(m));
    expect((await d.accept(changeIds[0], "bob")).status).toBe(200);
    expect((await d.decline(changeIds[1], "bob")).status).toBe(200);
    await waitFor("erin", "change_declined");
    off();
    const [accepted] = await of("erin", "change_accepted");
    expect(accepted).toMatchObject({ actorLogin: "bob", rfcSlug: SUPER, branch: "notify" });
    expect(accepted.text).toMatch(/^Bob accepted your change on cache-policy \(notify\)/);
    expect(accepted.url).toBe(`/rfcs/${SUPER}?branch=notify&change=${changeIds[0]}`);
    expect(await count("erin", "change_declined")).toBe(1);
    expect(await count("bob", "change_accepted")).toBe(0); // the actor hears nothing of their own act
    // Live: each reached erin's stream, numbered.
    expect(seen.filter((m) => m.type === "notification").map((m) => typeof m.seq)).toEqual(["number", "number"]);
  });

  it("a mention: each person named once, not the author, not @ai, not someone who may not read the branch", async () => {
    expect(mentionedLogins("@ai, ask @dora (mail dora@example.org or see example.org/@erin)")).toEqual(["dora"]);
    const thread = await fx.mainThreadId(SUPER, "notify");
    const res = await fx.call(postMessage as never, { as: "bob", method: "POST", params: { threadId: thread }, body: { body: "@alice and @carol, see this. @alice again. @bob mail@example.org" } });
    expect(res.status).toBe(201);
    const message = (await res.json()) as { message: { id: string } };
    await waitFor("carol", "mention");
    await waitFor("alice", "mention");
    expect(await count("alice", "mention")).toBe(1);
    expect(await count("bob", "mention")).toBe(0);
    const [n] = await of("alice", "mention");
    expect(n).toMatchObject({ actorLogin: "bob", text: "Bob mentioned you on cache-policy (notify)", url: `/rfcs/${SUPER}?branch=notify&message=${message.message.id}` });
    // On erin's private branch, alice cannot read: a mention of her there tells her nothing.
    const secret = (await db().thread.create({ data: { rfcSlug: SUPER, branch: "secret-notes", kind: "main", mainKey: `${SUPER}\nsecret-notes`, title: "secret" } })).id;
    const before = await count("alice", "mention");
    const res2 = await fx.call(postMessage as never, { as: "erin", method: "POST", params: { threadId: secret }, body: { body: "@alice @bob have a look" } });
    expect(res2.status).toBe(201);
    await waitFor("bob", "mention"); // bob owns the RFC: he may read the private branch
    expect(await count("alice", "mention")).toBe(before);
  });

  it("a flag on your RFC: its owners", async () => {
    const res = await fx.call(flagRoute as never, { as: "carol", method: "POST", body: { rfcSlug: SUPER, branch: "main", anchor: { kind: "range", quote: "five minutes", prefix: "", suffix: "" }, kind: "blocking", note: "Wrong numbers" } });
    expect(res.status).toBe(201);
    await waitFor("bob", "flag");
    const [n] = await of("bob", "flag");
    expect(n).toMatchObject({ actorLogin: "carol", text: "Carol flagged “Blocking concern” on cache-policy" });
    expect(await count("carol", "flag")).toBe(0);
  });

  it("PRs, ideas, claims, graduation and the decision events: owners, proposers, admins — never the bot", async () => {
    const rfc = await loadRfcOrThrow(SUPER); // owned by bob
    const alice = { login: "alice", name: "Alice" };
    await notifyPr(rfc, { number: 7, branch: "notify", url: "" }, "opened", alice);
    await notifyPr(rfc, { number: 7, branch: "notify", url: "" }, "opened", alice); // seen twice (the write and the webhook): one
    await notifyPr(rfc, { number: 7, branch: "notify", url: "" }, "merged", { login: "carol", name: "Carol" });
    await notifyIdea({ slug: "new-idea", proposer: "erin", prNumber: 12, verb: "declined", reason: "Out of scope for now.", actor: { login: "bob", name: "Bob" } });
    await notifyIdea({ slug: "other-idea", proposer: "erin", prNumber: 13, verb: "merged", actor: { login: "bob", name: "Bob" } });
    await notifyClaim(rfc, 21, { login: "erin", name: "Erin" });
    await notifyGraduated({ slug: SUPER, rfcId: "RFC-0007", owners: ["bob"], proposedBy: "alice", graduationId: 3, actor: { login: "bob", name: "Bob" } });
    await notifyDecision({ kind: "fcp_started", rfc, actor: alice, text: "Alice started the final comment period on cache-policy", key: "fcp-1" });
    // The bot acting is never named, and never notified.
    await notifyPr(rfc, { number: 8, branch: null, url: "" }, "opened", { login: getConfig().botUser });

    expect(await count("bob", "pr_opened")).toBe(2);
    expect((await of("bob", "pr_opened")).map((n) => n.actorLogin)).toEqual(["alice", getConfig().botUser]);
    expect(await count("bob", "pr_merged")).toBe(1);
    expect((await of("erin", "idea_declined"))[0].text).toBe("Bob declined your idea new-idea: Out of scope for now.");
    expect(await count("erin", "idea_merged")).toBe(1);
    // A claim: the owner and the admins (carol is an admin via ADMIN_LOGINS), not the claimant.
    expect([await count("bob", "claim_review"), await count("carol", "claim_review"), await count("erin", "claim_review")]).toEqual([1, 1, 0]);
    // Graduation: the proposer; bob graduated it himself.
    expect([await count("alice", "graduated"), await count("bob", "graduated")]).toEqual([1, 0]);
    expect([await count("bob", "fcp_started"), await count("alice", "fcp_started")]).toEqual([1, 0]);
  });
});

describe("the bell's routes", () => {
  const list = (as: Login | null) => fx.call(listRoute as never, { as, params: {} });

  it("pages newest first with the unread count, and marks one or all read", async () => {
    for (let i = 0; i < 25; i++) await notifyDecision({ kind: "motion", rfc: await loadRfcOrThrow(SUPER), actor: { login: "alice", name: "Alice" }, text: `Motion ${i}`, key: `paging-${i}`, to: ["erin"] });
    const first = (await (await list("erin")).json()) as { notifications: { id: string; text: string; read: boolean }[]; unread: number; next: string | null; liveSeq: number };
    expect(first.notifications).toHaveLength(20);
    expect(first.notifications[0].text).toBe("Motion 24");
    expect(first.next).toBe(first.notifications[19].id);
    const total = (await of("erin")).length;
    expect(first.unread).toBe(total);
    const { sessionCookieFor } = await import("../../helpers/session");
    const cookie = await sessionCookieFor({ login: "erin" });
    const page2 = await listRoute(new Request(`${getConfig().appUrl}/api/notifications?after=${first.next}`, { headers: { cookie } }), { params: Promise.resolve({}) } as never);
    const second = (await page2.json()) as { notifications: { text: string }[] };
    expect(second.notifications[0].text).toBe("Motion 4");

    const one = await fx.call(readRoute as never, { as: "erin", method: "POST", body: { ids: [first.notifications[0].id] } });
    expect(await one.json()).toEqual({ unread: total - 1 });
    // Someone else's id changes nothing for them or for erin.
    const other = await fx.call(readRoute as never, { as: "bob", method: "POST", body: { ids: [first.notifications[1].id] } });
    expect(other.status).toBe(200);
    expect(await db().notification.count({ where: { userId: ids.erin, readAt: null } })).toBe(total - 1);
    const seen: LiveMessage[] = [];
    const off = liveBus.subscribe(userTopic(ids.erin), (m) => seen.push(m));
    const all = await fx.call(readRoute as never, { as: "erin", method: "POST", body: { all: true } });
    off();
    expect(await all.json()).toEqual({ unread: 0 });
    expect(seen).toMatchObject([{ type: "notifications_read", data: { ids: null, unread: 0 } }]);
    const bad = await fx.call(readRoute as never, { as: "erin", method: "POST", body: { ids: [] } });
    expect(bad.status).toBe(422);
    expect((await list(null)).status).toBe(401);
  });
});

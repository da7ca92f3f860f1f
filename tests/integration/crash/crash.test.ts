import { metaRepo } from "@/lib/bot/meta-entry";
import { commitFiles } from "@/lib/bot/write-files";
import { enqueueRefresh, whenIdle } from "@/lib/cache/refresh-queue";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { entryPath, serializeNewEntry } from "@/lib/entries";
import { createOrgRepo, getBranch, getPull, getRepo, listCommitsSince, listOrgRepos, listPulls, splitFullName } from "@/lib/gitea";
import { FORWARD_STEPS } from "@/lib/graduation/types";
import { acceptKey } from "@/lib/writes/keys";
import { startOpenAiTestServer, type OpenAiTestServer } from "../../helpers/openai-server";
import { waitUntil } from "../../helpers/wait";
import { startCrashWorld, type CrashWorld } from "./world";

// Issue 12 item 6 / issue 13 item 4: the app is killed with SIGKILL — at a
// named crash point inside an accept, a batch accept, a flush, a merge, a
// move between public and private and every step of a graduation, or from outside in the middle of an AI reply
// and of a webhook burst — and started again on the same forge and
// database. After the restart: no orphan repo, branch or PR, no message
// stuck streaming, no change pending whose commit landed, a retry answers
// as the first request would have, and the cache matches Git. The app is a
// real `next start` child process (world.ts); Git is read from the forge.
//
// Lean by chaining: the restart that heals one case is already armed with
// the next case's crash point (a start costs seconds on a busy machine).
// Cases alternate with graduation ones, so what a case checks after its
// restart (a retried accept, a merge) never passes the point that restart
// is armed with: graduation points are reached only by a new graduation.

const SUPER = "crash-draft";
const ACTIVE = "crash-active";
const ACTIVE_REPO = "rfcs/rfc-0001-crash-active";
const BODY = ["# Crash safety", "", "We cache every response for five minutes.", "", "## Motivation", "", "Reads dominate: most pages are read many times per write.", "", "## Risks", "", "Stale reads are possible after a write.", ""].join("\n");
const MODEL = "compat:crash-model";
const gradSlug = (step: string, phase: string) => `grad-${step.replace(/_/g, "-")}-${phase}`;

let w: CrashWorld;
let ai: OpenAiTestServer;
let alice: string;
let bob: string;

const entry = (slug: string, state: string, repo: string, id: string, body: string, owners = ["bob"]) =>
  serializeNewEntry({
    slug, title: `Title of ${slug}`, state: state as "super-draft", id, repo, proposedBy: "alice", proposedAt: "2026-01-01T00:00:00Z",
    graduatedAt: "", graduatedBy: "", owners, arbiters: [], tags: ["crash"], body,
  });

async function seed(): Promise<void> {
  const bot = { userId: null, login: "seed", name: "Seed" };
  const graduations = FORWARD_STEPS.flatMap((step) => ["before", "after"].map((phase) => gradSlug(step, phase)));
  await commitFiles({
    repo: metaRepo(), branch: "main", subject: "Seed entries", actor: bot, audit: { kind: "seed" },
    files: [
      { op: "create", path: entryPath(SUPER), content: entry(SUPER, "super-draft", "", "", BODY) },
      { op: "create", path: entryPath(ACTIVE), content: entry(ACTIVE, "active", ACTIVE_REPO, "RFC-0001", "") },
      ...graduations.map((slug) => ({ op: "create" as const, path: entryPath(slug), content: entry(slug, "super-draft", "", "", `# ${slug}\n\nBody.\n`, ["alice"]) })),
    ],
  });
  await createOrgRepo("rfcs", { name: "rfc-0001-crash-active", auto_init: true, default_branch: "main" });
  await commitFiles({ repo: splitFullName(ACTIVE_REPO), branch: "main", subject: "Seed RFC.md", actor: bot, audit: { kind: "seed" }, files: [{ op: "create", path: "RFC.md", content: BODY }] });
  await enqueueRefresh(getConfig().metaRepoFullName, { branches: true, entries: true, openPulls: true });
  await whenIdle();
  await enqueueRefresh(ACTIVE_REPO, { branches: true, openPulls: true });
  await whenIdle();
}

async function ok<T>(res: Response | null, what: string): Promise<T> {
  if (!res) throw new Error(`${what}: the app did not answer\n${w.log()}`);
  if (!res.ok) throw new Error(`${what} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const branchPath = (slug: string, branch: string) => `/api/rfcs/${slug}/branches/${encodeURIComponent(branch)}`;
const cut = async (slug: string, name: string, cookie = alice) => {
  const res = await w.call("POST", `/api/rfcs/${slug}/branches`, { cookie, body: { name } });
  if (res?.status !== 201) throw new Error(`cut ${slug}/${name} → ${res?.status} ${await res?.text()}`);
};
const documentOf = (slug: string, branch: string) => w.call("GET", `${branchPath(slug, branch)}/document`, { cookie: alice }).then((r) => ok<{ text: string; headSha: string }>(r, "document"));

/** A pending change as the chat route stores one (the AI is not what these tests kill). */
const pendingChange = (slug: string, branch: string, original: string, proposed: string) =>
  db().change.create({ data: { rfcSlug: slug, branch, original, proposed, reason: "crash test", status: "pending", modelId: MODEL } });

const repoOfSlug = (slug: string) => (slug === ACTIVE ? splitFullName(ACTIVE_REPO) : metaRepo());
const refOf = (slug: string, branch: string) => (slug === ACTIVE ? branch : `edit/${slug}/${branch}`);
/** The branch's head, read from the forge (the app may be down). */
const headOf = async (slug: string, branch: string) => (await getBranch(repoOfSlug(slug), refOf(slug, branch)))!.commit!.id!;
/** Where the app's row says a branch lives now (a private one: its companion repo; the moves below are on the active RFC, where the ref is the name). */
const repoNow = async (slug: string, branch: string) => {
  const row = await db().branchMeta.findUnique({ where: { rfcSlug_name: { rfcSlug: slug, name: branch } } });
  return row?.repo ? splitFullName(row.repo) : repoOfSlug(slug);
};
const commitsNaming = async (slug: string, branch: string, since: string | null, trailer: string) =>
  (await listCommitsSince(await repoNow(slug, branch), refOf(slug, branch), since, 100)).filter((c) => c.message.includes(trailer));
const changeRow = (id: string) => db().change.findUniqueOrThrow({ where: { id } });

/** One crash: `crashAt` is the point the app must be armed with (null: killed from outside). */
type Case = { title: string; crashAt: string | null; run(restart: () => Promise<void>): Promise<void>; graduates?: boolean };

/** POST that the app dies in: no answer. */
async function diesIn(point: string, method: string, pathname: string, body: unknown, cookie = alice): Promise<void> {
  const res = await w.call(method, pathname, { cookie, body });
  expect(res).toBeNull();
  await w.died(point);
}

function acceptAfterWrite(slug: string, branch: string, batch: boolean): Case {
  return {
    title: `${batch ? "a batch accept" : "an accept"} on ${slug} killed right after its commit landed: after the restart its changes are accepted with that commit, and a retry answers the same`,
    crashAt: "accept:after-write",
    async run(restart) {
      const changes = [await pendingChange(slug, branch, "five minutes", "ten minutes")];
      if (batch) changes.push(await pendingChange(slug, branch, "Reads dominate", "Reads clearly dominate"));
      const ids = changes.map((c) => c.id);
      const before = await headOf(slug, branch);
      const accept = batch ? { path: "/api/changes/accept-batch", body: { changeIds: ids } } : { path: `/api/changes/${ids[0]}/accept`, body: {} };
      await diesIn("accept:after-write", "POST", accept.path, accept.body);
      // As the crash left it: the commit is on the branch, the app's rows do not say so.
      const [landed] = await commitsNaming(slug, branch, before, `Change-Id: ${ids[0]}`);
      expect(landed).toBeDefined();
      for (const id of ids) expect(await changeRow(id)).toMatchObject({ status: "pending", commitSha: null });
      expect((await db().gitWrite.findUniqueOrThrow({ where: { key: acceptKey(ids) } })).state).toBe("open");

      await restart();
      await waitUntil(async () => (await db().gitWrite.findUniqueOrThrow({ where: { key: acceptKey(ids) } })).state === "settled", { what: "the reconciler to settle the accept" });
      for (const id of ids) expect(await changeRow(id)).toMatchObject({ status: "accepted", commitSha: landed.sha });
      const retry = await ok<{ commitSha: string }>(await w.call("POST", accept.path, { cookie: alice, body: accept.body }), "retry");
      expect(retry.commitSha).toBe(landed.sha);
      for (const id of ids) expect(await commitsNaming(slug, branch, before, `Change-Id: ${id}`)).toEqual([expect.objectContaining({ sha: landed.sha })]);
      await waitUntil(async () => (await db().cachedBranch.findFirst({ where: { name: refOf(slug, branch) } }))?.headSha === landed.sha, { what: "the cache to show the commit" });
    },
  };
}

function acceptBeforeWrite(slug: string, branch: string): Case {
  return {
    title: `an accept on ${slug} killed before its write: nothing in Git, the change stays pending and can be accepted`,
    crashAt: "accept:before-write",
    async run(restart) {
      const change = await pendingChange(slug, branch, "Reads dominate", "Reads clearly dominate");
      const before = await headOf(slug, branch);
      await diesIn("accept:before-write", "POST", `/api/changes/${change.id}/accept`, {});
      await restart();
      await waitUntil(async () => (await db().gitWrite.findUniqueOrThrow({ where: { key: acceptKey([change.id]) } })).state === "failed", { what: "the reconciler to close the write" });
      expect((await changeRow(change.id)).status).toBe("pending");
      expect(await headOf(slug, branch)).toBe(before);
      const res = await ok<{ commitSha: string }>(await w.call("POST", `/api/changes/${change.id}/accept`, { cookie: alice, body: {} }), "accept");
      expect(await commitsNaming(slug, branch, before, `Change-Id: ${change.id}`)).toEqual([expect.objectContaining({ sha: res.commitSha })]);
    },
  };
}

function flushAfterWrite(slug: string, branch: string): Case {
  return {
    title: `a flush on ${slug} killed right after its commit landed: after the restart its chat note is there once, and the same flush answers the same`,
    crashAt: "flush:after-write",
    async run(restart) {
      const doc = await documentOf(slug, branch);
      const body = { baseSha: doc.headSha, text: doc.text.replace("Stale reads are possible", "Stale reads can happen") };
      await diesIn("flush:after-write", "POST", `${branchPath(slug, branch)}/flush`, body);
      const [landed] = await commitsNaming(slug, branch, doc.headSha, "Edit-Id: ");
      expect(landed).toBeDefined();

      await restart();
      const note = () => db().threadMessage.findMany({ where: { authorKind: "system", details: { contains: landed.sha } } });
      await waitUntil(async () => (await note()).length > 0, { what: "the reconciler to post the flush's chat note" });
      const again = await ok<{ commitSha: string }>(await w.call("POST", `${branchPath(slug, branch)}/flush`, { cookie: alice, body }), "the same flush");
      expect(again.commitSha).toBe(landed.sha);
      expect(await note()).toHaveLength(1);
      expect(await commitsNaming(slug, branch, doc.headSha, "Edit-Id: ")).toHaveLength(1);
    },
  };
}

const mergeAfterWrite: Case = {
  title: "a merge killed right after Gitea merged: after the restart the PR shows merged, audited once, and a retry answers merged",
  crashAt: "merge:after-write",
  async run(restart) {
    const doc = await documentOf(ACTIVE, "to-merge");
    await ok(await w.call("POST", `${branchPath(ACTIVE, "to-merge")}/flush`, { cookie: alice, body: { baseSha: doc.headSha, text: doc.text.replace("five minutes", "an hour") } }), "edit");
    const { pr } = await ok<{ pr: { number: number } }>(await w.call("POST", `${branchPath(ACTIVE, "to-merge")}/pr`, { cookie: alice, body: { title: "An hour", description: "Longer." } }), "open PR");
    await diesIn("merge:after-write", "POST", `/api/rfcs/${ACTIVE}/prs/${pr.number}/merge`, undefined, bob);
    expect((await getPull(splitFullName(ACTIVE_REPO), pr.number))?.merged).toBe(true);

    await restart();
    const cached = () => db().cachedPr.findFirst({ where: { repo: ACTIVE_REPO, number: pr.number } });
    await waitUntil(async () => (await cached())?.state === "merged", { what: "the cache to show the PR merged" });
    await waitUntil(async () => (await db().gitWrite.findFirst({ where: { kind: "merge" } }))?.state === "settled", { what: "the merge's write to settle" });
    const retry = await ok<{ pr: { state: string } }>(await w.call("POST", `/api/rfcs/${ACTIVE}/prs/${pr.number}/merge`, { cookie: bob }), "retry");
    expect(retry.pr.state).toBe("merged");
    expect(await db().action.count({ where: { repo: ACTIVE_REPO, prNumber: pr.number, kind: "merge_rfc_pr" } })).toBe(1);
  },
};

function graduationAt(step: (typeof FORWARD_STEPS)[number], phase: "before" | "after", n: number): Case {
  const slug = gradSlug(step, phase);
  const repoName = `rfc-0${n}-${slug}`;
  const point = `graduation:${step}:${phase}`;
  // §13.5: once the meta PR merged, graduation is final: the restart finishes it; before that, it is undone.
  const merged = FORWARD_STEPS.indexOf(step) > FORWARD_STEPS.indexOf("merge_pr") || (step === "merge_pr" && phase === "after");
  return {
    title: `a graduation killed ${phase} ${step}: ${merged ? "completed" : "rolled back"} once after the restart, nothing orphaned`,
    crashAt: point,
    graduates: merged,
    async run(restart) {
      const res = await w.call("POST", `/api/rfcs/${slug}/graduate`, { cookie: alice, body: { id: `RFC-0${n}`, repo: repoName } });
      expect([202, null]).toContain(res?.status ?? null); // answered before the steps run, or the app died first
      await w.died(point);
      const row = () => db().graduation.findFirstOrThrow({ where: { slug }, orderBy: { id: "desc" } });
      expect((await row()).status).toBe("running"); // as the crash left it

      await restart();
      await waitUntil(async () => (await row()).status !== "running", { timeoutMs: 180_000, what: `the graduation of ${slug} to be recovered` });
      const final = await row();
      expect(await getBranch(metaRepo(), `graduate/${slug}`)).toBeNull(); // no branch left behind either way
      expect((await listPulls(metaRepo(), "open")).filter((p) => p.head?.ref === `graduate/${slug}`)).toEqual([]);
      if (merged) {
        expect(final.status).toBe("succeeded");
        expect(await getRepo({ owner: "rfcs", repo: repoName })).not.toBeNull();
        await waitUntil(async () => (await db().cachedRfc.findUnique({ where: { slug } }))?.state === "active", { what: `${slug} active in the catalog` });
      } else {
        expect(final.status).toBe("interrupted");
        expect(await getRepo({ owner: "rfcs", repo: repoName })).toBeNull(); // no orphan repo
        expect((await db().cachedRfc.findUniqueOrThrow({ where: { slug } })).state).toBe("super-draft");
      }
      // Once: one closing audit row for this graduation.
      const closing = await db().action.findMany({ where: { rfcSlug: slug, kind: { in: ["graduate_complete", "graduate_rollback"] } } });
      expect(closing.filter((a) => JSON.parse(a.details).graduationId === final.id)).toHaveLength(1);
    },
  };
}

const aiReplyMidStream: Case = {
  title: "an AI reply killed mid-stream is failed after the restart, not left streaming",
  crashAt: null,
  async run(restart) {
    const { threads } = await ok<{ threads: { id: string; kind: string }[] }>(await w.call("GET", `${branchPath(SUPER, "main")}/threads`, { cookie: alice }), "threads");
    const thread = threads.find((t) => t.kind === "main")!.id;
    // The reply streams while the request answers: the POST may or may not return before the kill.
    void w.call("POST", `/api/threads/${thread}/messages`, { cookie: alice, body: { body: "@ai what about TTLs?", askAi: true, model: MODEL } });
    const reply = () => db().threadMessage.findFirst({ where: { threadId: thread, authorKind: "ai" }, orderBy: { createdAt: "desc" } });
    await waitUntil(async () => (await reply())?.body.includes("Partial answer"), { what: "the reply's first text to be stored" });
    expect((await reply())?.status).toBe("streaming");
    await w.kill();
    await restart();
    await waitUntil(async () => (await reply())?.status === "failed", { what: "the interrupted reply to be failed" });
    expect((await reply())?.body).toContain("Partial answer"); // what had arrived is kept
  },
};

const webhookBurst: Case = {
  title: "a webhook burst cut by kill -9: after the restart the cache holds Git's heads",
  crashAt: null,
  async run(restart) {
    const names = ["burst-a", "burst-b", "burst-c"];
    const push = async (name: string, i: number) => {
      const res = await w.forge.api(`/api/v1/repos/${ACTIVE_REPO}/contents/notes-${name}-${i}.md`, {
        method: "POST",
        body: JSON.stringify({ branch: name, content: Buffer.from(`push ${i}\n`).toString("base64"), message: `Push ${i}\n\nOn-behalf-of: bob <bob>\n` }),
      });
      if (res.status !== 201) throw new Error(`push → ${res.status}`);
    };
    for (let i = 0; i < 4; i++) await Promise.all(names.map((n) => push(n, i)));
    await w.kill(); // while the app is taking the burst's deliveries
    for (let i = 4; i < 8; i++) await Promise.all(names.map((n) => push(n, i))); // and Gitea goes on while it is down
    await restart();
    for (const name of names) {
      const head = await headOf(ACTIVE, name);
      await waitUntil(async () => (await db().cachedBranch.findFirst({ where: { repo: ACTIVE_REPO, name } }))?.headSha === head, { what: `the cache to hold ${name}'s head` });
    }
  },
};


const visibility = (branch: string, to: "public" | "private") => w.call("PATCH", branchPath(ACTIVE, branch), { cookie: alice, body: { visibility: to } });
const rowOf = (branch: string) => db().branchMeta.findUniqueOrThrow({ where: { rfcSlug_name: { rfcSlug: ACTIVE, name: branch } } });
const movesOf = (branch: string) => db().gitWrite.findMany({ where: { kind: "move", rfcSlug: ACTIVE, branch }, orderBy: { createdAt: "asc" } });

const privateAfterRow: Case = {
  title: "making a branch private, killed once the app row named the copy: after the restart the public branch is gone, the SHAs follow, audited and noted once",
  crashAt: "move:after-row",
  async run(restart) {
    const doc = await documentOf(ACTIVE, "to-private");
    const pending = await db().change.create({
      data: { rfcSlug: ACTIVE, branch: "to-private", original: "Reads dominate", proposed: "Reads win", reason: "crash test", status: "pending", modelId: MODEL, baseSha: doc.headSha },
    });
    const res = await visibility("to-private", "private");
    expect(res).toBeNull();
    await w.died("move:after-row");
    // As the crash left it: the app says private, and the public repo still serves the branch to anyone.
    const row = await rowOf("to-private");
    expect(row.visibility).toBe("private");
    expect(await getBranch(splitFullName(ACTIVE_REPO), "to-private")).not.toBeNull();

    await restart();
    await waitUntil(async () => (await movesOf("to-private")).at(-1)?.state === "settled", { what: "the reconciler to finish the move" });
    expect(await getBranch(splitFullName(ACTIVE_REPO), "to-private")).toBeNull();
    const copy = (await getBranch(splitFullName(row.repo!), "to-private"))!.commit!.id!;
    expect((await documentOf(ACTIVE, "to-private")).text).toBe(doc.text);
    expect(await db().change.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "pending", baseSha: copy });
    expect(await db().action.count({ where: { kind: "branch_visibility", rfcSlug: ACTIVE, branch: "to-private" } })).toBe(1);
    expect(await db().threadMessage.count({ where: { authorKind: "system", details: { contains: `"visibility":"private"` }, thread: { rfcSlug: ACTIVE, branch: "to-private" } } })).toBe(1);
  },
};

const publicAfterCopy: Case = {
  title: "making a branch public, killed once the copy was complete: after the restart the copy is gone, the branch is still private, and making it public works",
  crashAt: "move:after-copy",
  async run(restart) {
    const before = await rowOf("to-public");
    expect(before.visibility).toBe("private");
    const text = (await documentOf(ACTIVE, "to-public")).text;
    expect(await visibility("to-public", "public")).toBeNull();
    await w.died("move:after-copy");
    expect(await getBranch(splitFullName(ACTIVE_REPO), "to-public")).not.toBeNull(); // the copy, with the app row still private

    await restart();
    await waitUntil(async () => (await movesOf("to-public")).at(-1)?.state === "failed", { what: "the reconciler to undo the move" });
    expect(await getBranch(splitFullName(ACTIVE_REPO), "to-public")).toBeNull();
    expect(await rowOf("to-public")).toMatchObject({ visibility: "private", repo: before.repo });
    expect(await getBranch(splitFullName(before.repo!), "to-public")).not.toBeNull();
    await ok(await visibility("to-public", "public"), "make public again");
    expect(await rowOf("to-public")).toMatchObject({ visibility: "public", repo: ACTIVE_REPO });
    expect(await getBranch(splitFullName(before.repo!), "to-public")).toBeNull();
    expect((await documentOf(ACTIVE, "to-public")).text).toBe(text);
  },
};

const others: Case[] = [
  acceptAfterWrite(SUPER, "acc-after", true),
  acceptAfterWrite(ACTIVE, "acc-after", false),
  acceptBeforeWrite(ACTIVE, "acc-before"),
  flushAfterWrite(SUPER, "flush-after"),
  flushAfterWrite(ACTIVE, "flush-after"),
  mergeAfterWrite,
  privateAfterRow,
  publicAfterCopy,
  aiReplyMidStream,
  webhookBurst,
];
const graduations = FORWARD_STEPS.flatMap((step, i) => (["before", "after"] as const).map((phase, j) => graduationAt(step, phase, 100 + i * 2 + j)));
const cases = Array.from({ length: Math.max(others.length, graduations.length) }, (_, i) => [others[i], graduations[i]]).flat().filter((c): c is Case => !!c);

beforeAll(async () => {
  // Spaced chunks: the reply writer stores text at most every 250 ms, so the second one is saved before the model goes quiet.
  ai = await startOpenAiTestServer({ script: () => ({ kind: "hang", chunks: [{ text: "Partial answer, ", delayMs: 300 }, { text: "still coming", delayMs: 400 }] }) });
  w = await startCrashWorld({ AI_COMPAT_BASE_URL: ai.baseURL, AI_COMPAT_API_KEY: "test-key", AI_MODELS: MODEL, RECONCILE_INTERVAL_S: "3600" });
  await seed();
  alice = await w.cookie("alice");
  bob = await w.cookie("bob");
  await w.start(cases[0].crashAt);
  for (const slug of [SUPER, ACTIVE]) for (const name of ["acc-after", "flush-after"]) await cut(slug, name);
  for (const name of ["acc-before", "to-merge", "to-private", "to-public", "burst-a", "burst-b", "burst-c"]) await cut(ACTIVE, name);
  for (const name of ["to-private", "to-public"]) {
    const doc = await documentOf(ACTIVE, name);
    await ok(await w.call("POST", `${branchPath(ACTIVE, name)}/flush`, { cookie: alice, body: { baseSha: doc.headSha, text: doc.text.replace("after a write", `after a write (${name})`) } }), "edit");
  }
  await ok(await visibility("to-public", "private"), "make private");
}, 15 * 60_000);
afterAll(async () => {
  await w?.close();
  await ai?.close();
});

cases.forEach((c, i) => {
  test(c.title, async () => {
    await w.ensure(c.crashAt);
    await c.run(() => w.start(cases[i + 1]?.crashAt ?? null));
  }, 10 * 60_000);
});

test("after every restart, nothing is left half-done: no orphan repo or PR, no reply streaming, no write open, no change pending whose commit landed", async () => {
  expect(await db().graduation.count({ where: { status: "running" } })).toBe(0);
  expect(await db().threadMessage.count({ where: { status: "streaming" } })).toBe(0);
  expect(await db().gitWrite.count({ where: { state: "open" } })).toBe(0);
  expect((await listPulls(metaRepo(), "open")).filter((p) => p.head?.ref?.startsWith("graduate/"))).toEqual([]);
  // Every repo of the org is one the catalog knows: the meta repo, the seeded RFC, the graduations that completed.
  const graduated = await db().graduation.findMany({ where: { status: "succeeded" } });
  expect(graduated).toHaveLength(graduations.filter((g) => g.graduates).length);
  const companions = (await db().branchMeta.findMany({ where: { visibility: "private" } })).map((b) => b.repo!);
  const known = [...new Set([getConfig().metaRepoFullName, ACTIVE_REPO, ...graduated.map((g) => g.repo), ...companions])].sort();
  expect((await listOrgRepos("rfcs")).map((r) => r.full_name).sort()).toEqual(known);
  // Every change the tests made is accepted with the commit naming it, or pending with none naming it.
  for (const change of await db().change.findMany()) {
    const naming = await commitsNaming(change.rfcSlug, change.branch, null, `Change-Id: ${change.id}`);
    if (change.status === "pending") expect(naming).toEqual([]);
    else expect({ status: change.status, commits: naming.map((c) => c.sha) }).toEqual({ status: "accepted", commits: [change.commitSha] });
  }
}, 10 * 60_000);

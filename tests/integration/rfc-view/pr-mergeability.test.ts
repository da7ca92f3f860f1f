import { randomUUID } from "node:crypto";
import { GET as listBranches, POST as cutBranch } from "@/app/api/rfcs/[slug]/branches/route";
import { DELETE as deleteBranch } from "@/app/api/rfcs/[slug]/branches/[branch]/route";
import { GET as getDocument } from "@/app/api/rfcs/[slug]/branches/[branch]/document/route";
import { POST as flush } from "@/app/api/rfcs/[slug]/branches/[branch]/flush/route";
import { POST as openPr } from "@/app/api/rfcs/[slug]/branches/[branch]/pr/route";
import { POST as mergePr } from "@/app/api/rfcs/[slug]/prs/[number]/merge/route";
import { POST as webhook } from "@/app/api/webhooks/gitea/route";
import { watchedPulls } from "@/lib/cache/merge-watch";
import { whenIdle } from "@/lib/cache/refresh-queue";
import { signBody } from "@/lib/cache/webhook/signature";
import type { BranchSummary } from "@/lib/contracts";
import { db } from "@/lib/db/client";
import { encodeBase64, readFile, splitFullName } from "@/lib/gitea";
import { STILL_CHECKING } from "@/lib/prs/merge-when-ready";
import { waitUntil } from "../../helpers/wait";
import { ACTIVE, ACTIVE_REPO, json, setupFixture, type Fixture } from "./fixture";

// §9 whether a branch's PR can merge, as Gitea decides it in the background
// (FACTS §7.2, §7.6, §7.7). The forge keeps its checks queued until the test
// drains them (`mergeCheckMs` of a minute), and the app waits an hour before
// it takes a "no" as a conflict (GITEA_MERGE_CHECK_S), so "still checking"
// never depends on the machine's speed. Webhooks are taken from the forge's log and posted
// to the app's route, as Gitea would deliver them.

let fx: Fixture;
beforeAll(async () => {
  fx = await setupFixture({ forge: { behaviour: { mergeCheckMs: 60_000 } }, env: { GITEA_MERGE_CHECK_S: "3600" } });
});
afterAll(() => fx.close());

const repo = splitFullName(ACTIVE_REPO);
type Logged = { id: number; event: string; repository: string; payload: unknown };

/** Posts every delivery the forge queued since `after` to the app's webhook route, then waits for the refreshes. */
async function deliverSince(after: number): Promise<void> {
  await fx.forge.flushWebhooks();
  const log = ((await (await fx.forge.admin("/deliveries")).json()) as Logged[]).filter((d) => d.id > after && d.repository === ACTIVE_REPO);
  for (const d of log) {
    const body = JSON.stringify(d.payload, null, 2);
    const headers = { "content-type": "application/json", "x-gitea-event": d.event, "x-gitea-delivery": randomUUID(), "x-gitea-signature": signBody(body, fx.forge.webhookSecret) };
    const res = await webhook(new Request("http://app.test/api/webhooks/gitea", { method: "POST", headers, body }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
  }
  await whenIdle();
}
const lastDelivery = async () => ((await (await fx.forge.admin("/deliveries")).json()) as Logged[]).at(-1)?.id ?? 0;

const summaries = async () => (await json<{ branches: BranchSummary[] }>(await fx.call(listBranches, { as: "bob", params: { slug: ACTIVE } }))).branches;
const prOf = async (branch: string) => (await summaries()).find((b) => b.name === branch)?.pr ?? null;
const row = (number: number) => db().cachedPr.findUniqueOrThrow({ where: { repo_number: { repo: ACTIVE_REPO, number } } });

/**
 * A branch with one edit and an open PR into main that Gitea has checked.
 * The edit replaces `line` (default the title): PRs that must merge one
 * after the other edit lines apart, so they never conflict.
 */
async function branchWithPr(name: string, title = `Change ${name}`, line = "# Retry budget"): Promise<number> {
  expect((await fx.call(cutBranch, { as: "alice", method: "POST", params: { slug: ACTIVE }, body: { name } })).status).toBe(201);
  const doc = await json<{ text: string; headSha: string }>(await fx.call(getDocument, { as: "alice", params: { slug: ACTIVE, branch: name } }));
  const text = doc.text.replace(line, `${line} (${name})`);
  expect(text).not.toBe(doc.text);
  expect((await fx.call(flush, { as: "alice", method: "POST", params: { slug: ACTIVE, branch: name }, body: { baseSha: doc.headSha, text } })).status).toBe(200);
  const res = await fx.call(openPr, { as: "alice", method: "POST", params: { slug: ACTIVE, branch: name }, body: { title, description: "" } });
  expect(res.status).toBe(201);
  const { pr } = await json<{ pr: { number: number } }>(res);
  await fx.forge.drainChecks();
  return pr.number;
}

/** Another Gitea client pushes a commit to the branch (the app learns of it by webhook only). */
async function pushTo(branch: string, line: string): Promise<void> {
  const file = await readFile(repo, "RFC.md", branch);
  const res = await fx.forge.api(`/api/v1/repos/${ACTIVE_REPO}/contents/RFC.md`, {
    method: "PUT",
    body: JSON.stringify({ branch, sha: file!.sha, content: encodeBase64(`${file!.text}${line}\n`), message: "An outside push" }),
  });
  expect(res.status).toBe(200);
}

test("a push to a PR's branch: checking (never stored as false), then can merge once Gitea decides, read again by the cache itself", async () => {
  const number = await branchWithPr("checks");
  const mark = await lastDelivery();
  await fx.refresh();
  expect(await prOf("checks")).toEqual({ number, state: "open", mergeable: true, mergeState: "mergeable" });

  await pushTo("checks", "One more line.");
  await deliverSince(mark); // push + pull_request_sync
  expect(await row(number)).toMatchObject({ mergeable: null, mergeState: "checking", mergeCheckKey: expect.stringMatching(/^[0-9a-f]{40}:[0-9a-f]{40}$/) });
  expect(await prOf("checks")).toMatchObject({ mergeable: null, mergeState: "checking" });
  expect(watchedPulls()).toContain(`${ACTIVE_REPO}#${number}`);

  // Gitea decides; nothing tells the app, which reads the PR again on its own.
  await fx.forge.drainChecks();
  await waitUntil(async () => (await row(number)).mergeState === "mergeable", { what: "the cache to see the decided check" });
  expect(await prOf("checks")).toMatchObject({ mergeable: true, mergeState: "mergeable" });
  await waitUntil(() => !watchedPulls().includes(`${ACTIVE_REPO}#${number}`), { what: "the watch to end" });
});

test("merging while Gitea checks waits for its decision, then merges; other PRs into main are read again after it", async () => {
  const first = await branchWithPr("first", "First", "We cache every response");
  const second = await branchWithPr("second", "Second", "Reads dominate");
  await pushTo("first", "Pushed just before the merge.");
  const mark = await lastDelivery();
  await fx.forge.admin("/requests/reset", { method: "POST" });
  const merging = fx.call(mergePr, { as: "dora", method: "POST", params: { slug: ACTIVE, number: String(first) } });
  await waitUntil(async () => {
    const { counts } = (await (await fx.forge.admin("/requests")).json()) as { counts: Record<string, number> };
    return (counts["POST /api/v1/repos/{owner}/{repo}/pulls/{index}/merge"] ?? 0) >= 1;
  }, { what: "a first merge attempt (answered 405)" });
  await fx.forge.drainChecks();
  const res = await merging;
  expect(res.status).toBe(200);
  expect((await json<{ pr: { state: string } }>(res)).pr.state).toBe("merged");
  const { counts } = (await (await fx.forge.admin("/requests")).json()) as { counts: Record<string, number> };
  expect(counts["POST /api/v1/repos/{owner}/{repo}/pulls/{index}/merge"]).toBeGreaterThanOrEqual(2);

  // Gitea now re-checks `second` (main moved) and sends no webhook for it; the push to main says enough.
  await deliverSince(mark);
  expect(await row(second)).toMatchObject({ mergeState: "checking", mergeable: null });
  await fx.forge.drainChecks();
  await waitUntil(async () => (await row(second)).mergeState === "mergeable", { what: "the other PR to be decided again" });
});

test("a merge Gitea keeps refusing while it checks ends with 'still checking', never 'update from main'", async () => {
  const number = await branchWithPr("slow");
  await pushTo("slow", "Gitea will take its time.");
  const res = await fx.call(mergePr, { as: "dora", method: "POST", params: { slug: ACTIVE, number: String(number) } });
  expect(res.status).toBe(409);
  const { error } = await json<{ error: { code: string; message: string } }>(res);
  expect(error).toMatchObject({ code: "conflict", message: STILL_CHECKING });
  expect(error.message).not.toMatch(/update/i);
  await fx.forge.drainChecks();
});

test("a work-in-progress title is explained, never shown as conflicts", async () => {
  const number = await branchWithPr("draft", "WIP: not ready");
  await fx.refresh();
  expect(await prOf("draft")).toEqual({ number, state: "open", mergeable: false, mergeState: "wip" });
  const res = await fx.call(mergePr, { as: "dora", method: "POST", params: { slug: ACTIVE, number: String(number) } });
  expect(res.status).toBe(422);
  expect((await json<{ error: { message: string } }>(res)).error.message).toMatch(/starts with "WIP:" or "\[WIP\]"/);
});

test("deleting a branch closes its PR in Gitea, and the branch shows it closed", async () => {
  const number = await branchWithPr("doomed");
  await fx.refresh();
  expect((await fx.call(deleteBranch, { as: "alice", method: "DELETE", params: { slug: ACTIVE, branch: "doomed" } })).status).toBe(204);
  expect(await row(number)).toMatchObject({ state: "closed", mergeState: null });
  expect((await summaries()).find((b) => b.name === "doomed")).toMatchObject({ state: "deleted", pr: { number, state: "closed", mergeState: null } });
});

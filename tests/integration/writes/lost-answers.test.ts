import { POST as flushRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/flush/route";
import { POST as openPrRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/pr/route";
import { POST as mergeRoute } from "@/app/api/rfcs/[slug]/prs/[number]/merge/route";
import { db } from "@/lib/db/client";
import { getPull, listCommitsSince, splitFullName } from "@/lib/gitea";
import { acceptKey, mergeKey } from "@/lib/writes/keys";
import { FORGE_PROFILES } from "../../helpers/forge";
import { decisions, MODEL, propose, readDoc, type ApiError } from "../ai/decide-helpers";
import { ACTIVE, ACTIVE_REPO, setupFixture, SUPER, type Fixture } from "../ai/fixture";

// Issue 13, Tests: a fault right after each Git write of an accept, a batch
// accept, a flush and a merge — the forge's `after` phase: the write lands
// and its webhooks go out, but the app gets a 502 instead of the answer, as
// when a response is lost. And worse, the same with Gitea unable to say
// afterwards what landed. In every case the app's state matches Git
// afterwards, and the same request sent again gets the same result, on
// each Gitea release. (accept-flush-recovery.test.ts covers the process
// stopping after the commit; tests/e2e/crash.test.ts a real kill.)

const META_REPO = "rfcs/meta";
const contents = (repo: string) => `/api/v1/repos/${repo}/contents`;
const commitsOf = (repo: string) => `/api/v1/repos/${repo}/commits`;

describe.each(FORGE_PROFILES)("Gitea %s", (gitea) => {
  let fx: Fixture;
  let d: ReturnType<typeof decisions>;
  beforeAll(async () => {
    fx = await setupFixture({ AI_COMPAT_BASE_URL: "http://127.0.0.1:9/v1", AI_MODELS: MODEL }, { forge: { gitea } });
    d = decisions(fx);
    for (const name of ["accepts", "unaskable", "batch", "flushes", "merged", "raced"]) await fx.cutBranch(ACTIVE, name);
    await fx.cutBranch(SUPER, "accepts");
  });
  afterAll(() => fx.close());
  afterEach(async () => {
    await fx.forge.admin("/faults", { method: "DELETE" });
  });

  const fault = async (spec: Record<string, unknown>) => {
    const res = await fx.forge.admin("/faults", { method: "POST", body: JSON.stringify(spec) });
    expect(res.status).toBeLessThan(300);
  };
  /** The write lands; its answer is a 502. */
  const loseAnswerOf = (method: string, path: string) => fault({ method, path, status: 502, message: "response lost", phase: "after" });
  const faultsFired = async () => ((await (await fx.forge.admin("/faults")).json()) as { fired: number }[]).map((f) => f.fired);
  const rowOf = (id: string) => db().change.findUniqueOrThrow({ where: { id } });
  const writeOf = (key: string) => db().gitWrite.findUniqueOrThrow({ where: { key } });
  const since = (repo: string, ref: string, sha: string) => listCommitsSince(splitFullName(repo), ref, sha);
  const cachedHead = async (repo: string, name: string) => (await db().cachedBranch.findFirst({ where: { repo, name } }))?.headSha;
  type AcceptOut = { commitSha: string; staleChangeIds: string[]; changes?: { id: string; status: string }[] };

  it.each([
    { slug: ACTIVE, repo: ACTIVE_REPO, ref: "accepts" },
    { slug: SUPER, repo: META_REPO, ref: `edit/${SUPER}/accepts` },
  ])("an accept whose answer is lost answers with the commit Git holds, once, and the same again ($slug)", async ({ slug, repo, ref }) => {
    const before = await readDoc(slug, "accepts");
    const { ids } = await propose(slug, "accepts", [
      { original: "five minutes", proposed: "ten minutes", reason: "TTL" },
      { original: "response for five minutes", proposed: "response for a day", reason: "Overlaps the first" },
    ]);
    await loseAnswerOf("POST", contents(repo));
    const first = await d.accept(ids[0]);
    expect(await faultsFired()).toEqual([1]);
    expect(first.status).toBe(200);
    const out = (await first.json()) as AcceptOut;

    const commits = await since(repo, ref, before.headSha);
    expect(commits).toHaveLength(1);
    expect(commits[0].message).toContain(`Change-Id: ${ids[0]}`);
    expect(out).toMatchObject({ commitSha: commits[0].sha, staleChangeIds: [ids[1]] });
    expect(await rowOf(ids[0])).toMatchObject({ status: "accepted", commitSha: commits[0].sha });
    expect(await rowOf(ids[1])).toMatchObject({ status: "stale" });
    expect(await writeOf(acceptKey([ids[0]]))).toMatchObject({ state: "settled", commitSha: commits[0].sha });
    expect(await cachedHead(repo, ref)).toBe(commits[0].sha);

    const again = await d.accept(ids[0]);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(out);
    expect(await since(repo, ref, before.headSha)).toHaveLength(1);
  });

  it("an accept whose answer is lost while Gitea cannot be asked what landed: 502, and the retry records the commit that did", async () => {
    const before = await readDoc(ACTIVE, "unaskable");
    const { ids } = await propose(ACTIVE, "unaskable", [{ original: "Reads dominate", proposed: "Reads clearly dominate", reason: "Emphasis" }]);
    await loseAnswerOf("POST", contents(ACTIVE_REPO));
    await fault({ method: "GET", path: commitsOf(ACTIVE_REPO), status: 503, times: 100 });
    const first = await d.accept(ids[0]);
    expect(first.status).toBe(502);
    expect(((await first.json()) as ApiError).error.message).toMatch(/did not confirm the commit/);
    await fx.forge.admin("/faults", { method: "DELETE" });

    // Git holds the commit; the app has not recorded it as anything else.
    const commits = await since(ACTIVE_REPO, "unaskable", before.headSha);
    expect(commits).toHaveLength(1);
    expect(await rowOf(ids[0])).toMatchObject({ status: "pending", commitSha: null });
    expect(await writeOf(acceptKey(ids))).toMatchObject({ state: "open" });

    const retry = await d.accept(ids[0]);
    expect(retry.status).toBe(200);
    const out = (await retry.json()) as AcceptOut;
    expect(out.commitSha).toBe(commits[0].sha);
    expect(await rowOf(ids[0])).toMatchObject({ status: "accepted", commitSha: commits[0].sha });
    const again = await d.accept(ids[0]);
    expect(await again.json()).toEqual(out);
    expect(await since(ACTIVE_REPO, "unaskable", before.headSha)).toHaveLength(1);
  });

  it("a batch accept whose answer is lost records every change with the one commit, and answers the same again", async () => {
    const before = await readDoc(ACTIVE, "batch");
    const { ids } = await propose(ACTIVE, "batch", [
      { original: "Reads dominate", proposed: "Reads clearly dominate", reason: "Emphasis" },
      { original: "Stale reads are possible", proposed: "Stale reads can happen", reason: "Plainer" },
    ]);
    await loseAnswerOf("POST", contents(ACTIVE_REPO));
    const first = await d.batch(ids);
    expect(await faultsFired()).toEqual([1]);
    expect(first.status).toBe(200);
    const out = (await first.json()) as AcceptOut;
    const commits = await since(ACTIVE_REPO, "batch", before.headSha);
    expect(commits).toHaveLength(1);
    for (const id of ids) {
      expect(commits[0].message).toContain(`Change-Id: ${id}`);
      expect(await rowOf(id)).toMatchObject({ status: "accepted", commitSha: commits[0].sha });
    }
    expect(out.commitSha).toBe(commits[0].sha);
    const again = await d.batch(ids);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(out);
    expect(await since(ACTIVE_REPO, "batch", before.headSha)).toHaveLength(1);
  });

  describe("flush", () => {
    const flush = (body: unknown) => fx.call(flushRoute as never, { as: "alice", method: "POST", params: { slug: ACTIVE, branch: "flushes" }, body });

    it("a flush whose answer is lost answers with the commit Git holds, once, and the same again", async () => {
      const before = await readDoc(ACTIVE, "flushes");
      const body = { baseSha: before.headSha, text: before.text.replace("We cache", "We always cache") };
      await loseAnswerOf("POST", contents(ACTIVE_REPO));
      const first = await flush(body);
      expect(await faultsFired()).toEqual([1]);
      expect(first.status).toBe(200);
      const out = (await first.json()) as { headSha: string; commitSha: string };
      const commits = await since(ACTIVE_REPO, "flushes", before.headSha);
      expect(commits).toHaveLength(1);
      expect(commits[0].message).toMatch(/\nEdit-Id: \S+/);
      expect(out).toMatchObject({ headSha: commits[0].sha, commitSha: commits[0].sha });
      expect(await cachedHead(ACTIVE_REPO, "flushes")).toBe(commits[0].sha);
      expect((await readDoc(ACTIVE, "flushes")).text).toBe(body.text);
      const again = await flush(body);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(out);
      expect(await since(ACTIVE_REPO, "flushes", before.headSha)).toHaveLength(1);
    });

    it("a flush whose answer is lost while Gitea cannot be asked: 502 keeping the text, and the retry answers with the commit that landed", async () => {
      const before = await readDoc(ACTIVE, "flushes");
      const body = { baseSha: before.headSha, text: before.text.replace("Reads dominate", "Reads mostly dominate") };
      await loseAnswerOf("POST", contents(ACTIVE_REPO));
      await fault({ method: "GET", path: commitsOf(ACTIVE_REPO), status: 503, times: 100 });
      const first = await flush(body);
      expect(first.status).toBe(502);
      expect(((await first.json()) as ApiError).error.message).toMatch(/your text is kept/);
      await fx.forge.admin("/faults", { method: "DELETE" });
      const commits = await since(ACTIVE_REPO, "flushes", before.headSha);
      expect(commits).toHaveLength(1);

      const retry = await flush(body);
      expect(retry.status).toBe(200);
      const out = (await retry.json()) as { commitSha: string };
      expect(out.commitSha).toBe(commits[0].sha);
      expect(await (await flush(body)).json()).toEqual(out);
      expect(await since(ACTIVE_REPO, "flushes", before.headSha)).toHaveLength(1);
    });
  });

  describe("a push from outside Quorum wins the race to the branch (Gitea: 500, FACTS §7.5)", () => {
    const racePush = () => fault({ method: "POST", path: contents(ACTIVE_REPO), phase: "race" });
    const concurrent = (message: string) => /concurrent push/.test(message);

    it("an accept is written again on the branch's new head", async () => {
      const before = await readDoc(ACTIVE, "raced");
      const { ids } = await propose(ACTIVE, "raced", [{ original: "Reads dominate", proposed: "Reads nearly always dominate", reason: "Nuance" }]);
      await racePush();
      const res = await d.accept(ids[0]);
      expect(await faultsFired()).toEqual([1]);
      expect(res.status).toBe(200);
      const out = (await res.json()) as AcceptOut;
      const commits = await since(ACTIVE_REPO, "raced", before.headSha);
      expect(commits.map((c) => concurrent(c.message))).toEqual([false, true]); // ours on top of the push that won
      expect(commits[0].message).toContain(`Change-Id: ${ids[0]}`);
      expect(out.commitSha).toBe(commits[0].sha);
      expect(await rowOf(ids[0])).toMatchObject({ status: "accepted", commitSha: commits[0].sha });
      expect(await writeOf(acceptKey(ids))).toMatchObject({ state: "settled", commitSha: commits[0].sha });
    });

    it("a flush answers that the branch moved, with its head and text to merge with, and writes nothing", async () => {
      const before = await readDoc(ACTIVE, "raced");
      await racePush();
      const res = await fx.call(flushRoute as never, {
        as: "alice", method: "POST", params: { slug: ACTIVE, branch: "raced" }, body: { baseSha: before.headSha, text: before.text.replace("We cache", "We sometimes cache") },
      });
      expect(await faultsFired()).toEqual([1]);
      expect(res.status).toBe(409);
      const commits = await since(ACTIVE_REPO, "raced", before.headSha);
      expect(commits.map((c) => concurrent(c.message))).toEqual([true]);
      expect(((await res.json()) as ApiError).error.details).toMatchObject({ headSha: commits[0].sha, text: before.text });
    });
  });

  it("a merge whose answer is lost answers merged, audits it once, and answers the same again", async () => {
    const before = await readDoc(ACTIVE, "merged");
    const edited = await fx.call(flushRoute as never, {
      as: "alice", method: "POST", params: { slug: ACTIVE, branch: "merged" }, body: { baseSha: before.headSha, text: before.text.replace("Reads dominate", "Reads dominate today") },
    });
    expect(edited.status).toBe(200);
    const opened = await fx.call(openPrRoute as never, { as: "alice", method: "POST", params: { slug: ACTIVE, branch: "merged" }, body: { title: "Today", description: "" } });
    expect(opened.status).toBe(201);
    const { pr } = (await opened.json()) as { pr: { number: number } };
    await fx.forge.drainChecks(); // Gitea has decided: the fault meets the merge itself, not a 405 while checking
    await loseAnswerOf("POST", `/api/v1/repos/${ACTIVE_REPO}/pulls/${pr.number}/merge`);

    const merge = () => fx.call(mergeRoute as never, { as: "bob", method: "POST", params: { slug: ACTIVE, number: String(pr.number) } });
    const first = await merge();
    expect(await faultsFired()).toEqual([1]);
    expect(first.status).toBe(200);
    const out = (await first.json()) as { pr: { state: string } };
    expect(out.pr.state).toBe("merged");
    const inGitea = await getPull(splitFullName(ACTIVE_REPO), pr.number);
    expect(inGitea?.merged).toBe(true);
    expect(await writeOf(mergeKey(ACTIVE_REPO, pr.number))).toMatchObject({ state: "settled", commitSha: inGitea?.merge_commit_sha });
    const audits = () => db().action.count({ where: { repo: ACTIVE_REPO, prNumber: pr.number, kind: "merge_rfc_pr" } });
    expect(await audits()).toBe(1);
    expect((await readDoc(ACTIVE, "main")).text).toContain("Reads dominate today");

    const again = await merge();
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(out);
    expect(await audits()).toBe(1);
  });
});

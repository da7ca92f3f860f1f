import { GET as listBranches, POST as cutBranch } from "@/app/api/rfcs/[slug]/branches/route";
import { PATCH as patchBranch } from "@/app/api/rfcs/[slug]/branches/[branch]/route";
import { GET as getDocument } from "@/app/api/rfcs/[slug]/branches/[branch]/document/route";
import { GET as getDiff } from "@/app/api/rfcs/[slug]/branches/[branch]/diff/route";
import { POST as flush } from "@/app/api/rfcs/[slug]/branches/[branch]/flush/route";
import { POST as openPr } from "@/app/api/rfcs/[slug]/branches/[branch]/pr/route";
import { POST as closePr } from "@/app/api/rfcs/[slug]/prs/[number]/close/route";
import { POST as mergePr } from "@/app/api/rfcs/[slug]/prs/[number]/merge/route";
import { db } from "@/lib/db/client";
import { giteaClient, getBranch, splitFullName } from "@/lib/gitea";
import { FORGE_PROFILES } from "../../helpers/forge";
import { ACTIVE, ACTIVE_REPO, json, makeChange, setupFixture, SUPER, type Fixture, type Login } from "./fixture";

// §12 update from main (a real bot merge; conflicts reported, never forced)
// and §9 PRs from a branch to main, for an active RFC (RFC.md in its repo)
// and a super-draft (meta body-edit PRs), on each Gitea release: branch
// status compares branches by name, as 1.22 only resolves names (FACTS §7.1).

let fx: Fixture;

type Summary = { name: string; behindBy: number; aheadBy: number; headSha: string; pr: { number: number; state: string } | null };
const doc = async (slug: string, branch: string) =>
  json<{ text: string; headSha: string }>(await fx.call(getDocument, { as: "bob", params: { slug, branch } }));
async function edit(slug: string, branch: string, from: string, to: string) {
  const d = await doc(slug, branch);
  const res = await fx.call(flush, { as: "alice", method: "POST", params: { slug, branch }, body: { baseSha: d.headSha, text: d.text.replace(from, to) } });
  expect(res.status).toBe(200);
}
const update = (slug: string, branch: string, as: Login = "alice") =>
  fx.call(patchBranch, { as, method: "PATCH", params: { slug, branch }, body: { action: "update_from_main" } });

describe.each(FORGE_PROFILES)("Gitea %s", (gitea) => {
  beforeAll(async () => {
    fx = await setupFixture({ forge: { gitea } });
  });
  afterAll(() => fx.close());

  describe.each([
    { slug: ACTIVE, repo: ACTIVE_REPO, ref: (n: string) => n, stewardMerges: "dora" as Login },
    { slug: SUPER, repo: "rfcs/meta", ref: (n: string) => `edit/${SUPER}/${n}`, stewardMerges: "bob" as Login },
  ])("$slug", ({ slug, repo, ref, stewardMerges }) => {
    let prNumber = 0;
    beforeAll(async () => {
      for (const name of ["feature", "clash", "other"]) {
        expect((await fx.call(cutBranch, { as: "alice", method: "POST", params: { slug }, body: { name } })).status).toBe(201);
      }
      await edit(slug, "feature", "Reads dominate", "Reads clearly dominate");
      await edit(slug, "clash", "Stale reads are possible", "Stale reads are rare");
      await edit(slug, "other", "Stale reads are possible", "Stale reads happen");
    });

    it("opens a PR from a branch for its creator, not for others", async () => {
      const open = (as: Login) =>
        fx.call(openPr, { as, method: "POST", params: { slug, branch: "other" }, body: { title: "Clarify risks", description: "Say it plainly." } });
      expect((await open("erin")).status).toBe(403);
      const res = await open("alice");
      expect(res.status).toBe(201);
      const { pr } = await json<{ pr: { number: number; state: string; branch: string } }>(res);
      expect(pr).toMatchObject({ state: "open", branch: "other" });
      prNumber = pr.number;
      expect((await open("alice")).status).toBe(409);
      const gitea = await giteaClient().repos.repoGetPullRequest(splitFullName(repo).owner, splitFullName(repo).repo, prNumber);
      expect(gitea.data.body).toContain("On-behalf-of: alice <alice>");
      expect(gitea.data.head?.ref).toBe(ref("other"));
    });

    it("merges only for owners/arbiters (meta: owners), with On-behalf-of in the merge commit", async () => {
      const merge = (as: Login) => fx.call(mergePr, { as, method: "POST", params: { slug, number: String(prNumber) } });
      // Every branch's status is computed now, while main has not moved (see the next test).
      const before = await json<{ branches: Summary[] }>(await fx.call(listBranches, { as: "alice", params: { slug } }));
      expect(before.branches.find((b) => b.name === "feature")?.behindBy).toBe(0);
      expect((await merge("alice")).status).toBe(403);
      if (slug === SUPER) expect((await merge("dora")).status).toBe(403); // arbiters do not merge meta PRs (§6)
      const res = await merge(stewardMerges);
      expect(res.status).toBe(200);
      expect((await json<{ pr: { state: string } }>(res)).pr.state).toBe("merged");
      expect((await doc(slug, "main")).text).toContain("Stale reads happen");
      const main = await getBranch(splitFullName(repo), "main");
      const commit = await giteaClient().repos.repoGetSingleCommit(splitFullName(repo).owner, splitFullName(repo).repo, main!.commit!.id!);
      expect(commit.data.commit?.message).toContain(`On-behalf-of: ${stewardMerges} <${stewardMerges}>`);
      // The same merge sent again (a lost answer, a double click) gets the first answer; anyone else's is 409.
      const again = await merge(stewardMerges);
      expect(again.status).toBe(200);
      expect((await json<{ pr: { state: string } }>(again)).pr.state).toBe("merged");
      expect((await getBranch(splitFullName(repo), "main"))?.commit?.id).toBe(main!.commit!.id);
      expect((await merge("carol")).status).toBe(409); // already merged
    });

    it("after a merge moved main, the other branches show as behind at once, not after the 120 s status age (§9, §12)", async () => {
      const res = await fx.call(listBranches, { as: "alice", params: { slug } });
      const { branches } = await json<{ branches: Summary[] }>(res);
      const byName = new Map(branches.map((b) => [b.name, b]));
      expect(byName.get("feature")?.behindBy).toBeGreaterThanOrEqual(1);
      expect(byName.get("clash")?.behindBy).toBeGreaterThanOrEqual(1);
      expect(byName.get("other")?.pr).toMatchObject({ number: prNumber, state: "merged" });
    });

    it("updates a branch from main with a real merge commit when the document merges cleanly", async () => {
      const pending = await makeChange({ slug, branch: "feature", original: "Stale reads are possible" });
      const before = await doc(slug, "feature");
      const res = await update(slug, "feature");
      expect(res.status).toBe(200);
      const out = await json<{ branch: Summary; update: { merged: boolean; staleChangeIds: string[] } }>(res);
      expect(out.update.merged).toBe(true);
      expect(out.branch.behindBy).toBe(0);
      const after = await doc(slug, "feature");
      expect(after.text).toContain("Reads clearly dominate");
      expect(after.text).toContain("Stale reads happen");
      const commit = await giteaClient().repos.repoGetSingleCommit(splitFullName(repo).owner, splitFullName(repo).repo, after.headSha);
      expect(commit.data.parents?.map((p) => p.sha)).toContain(before.headSha); // a merge: the branch head is a parent
      expect(commit.data.parents).toHaveLength(2);
      expect(commit.data.commit?.message).toContain("On-behalf-of: alice <alice>");
      expect(out.update.staleChangeIds).toEqual([pending.id]); // its original was replaced by main's text
      expect((await update(slug, "feature")).status).toBe(200); // nothing to do now
    });

    it("reports conflicting hunks and writes nothing when both sides changed the same lines", async () => {
      const before = await doc(slug, "clash");
      const res = await update(slug, "clash");
      expect(res.status).toBe(409);
      const body = await json<{ error: { code: string; details: { files: { path: string; hunks: { ours: string; theirs: string }[] }[] } } }>(res);
      expect(body.error.code).toBe("conflict");
      const hunk = body.error.details.files[0].hunks[0];
      expect(hunk.ours).toContain("Stale reads are rare");
      expect(hunk.theirs).toContain("Stale reads happen");
      expect((await doc(slug, "clash")).headSha).toBe(before.headSha);
    });

    it("serves main's and the branch's text for DiffView", async () => {
      const diff = await json<{ base: string; head: string }>(await fx.call(getDiff, { as: null, params: { slug, branch: "clash" } }));
      expect(diff.base).toContain("Stale reads happen");
      expect(diff.head).toContain("Stale reads are rare");
    });

    it("closes a PR without merging", async () => {
      const opened = await json<{ pr: { number: number } }>(
        await fx.call(openPr, { as: "alice", method: "POST", params: { slug, branch: "clash" }, body: { title: "Rare" } }),
      );
      const res = await fx.call(closePr, { as: "bob", method: "POST", params: { slug, number: String(opened.pr.number) } });
      expect(res.status).toBe(200);
      expect((await json<{ pr: { state: string } }>(res)).pr.state).toBe("closed");
      expect(await db().action.count({ where: { rfcSlug: slug, prNumber: opened.pr.number, onBehalfOf: "bob" } })).toBeGreaterThan(0);
    });

    it("never updates or edits main (403)", async () => {
      expect((await update(slug, "main", "carol")).status).toBe(403);
    });
  });
});

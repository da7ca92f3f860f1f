import { GET as listBranches, POST as cutBranch } from "@/app/api/rfcs/[slug]/branches/route";
import { PATCH as patchBranch } from "@/app/api/rfcs/[slug]/branches/[branch]/route";
import { GET as getDocument } from "@/app/api/rfcs/[slug]/branches/[branch]/document/route";
import { POST as flush } from "@/app/api/rfcs/[slug]/branches/[branch]/flush/route";
import { commitFiles } from "@/lib/bot/write-files";
import type { MergeConflictDetails } from "@/lib/contracts";
import { getBranch, giteaClient, listBranches as giteaBranches, readFile, splitFullName } from "@/lib/gitea";
import { joinSegments } from "@/lib/markdown/merge-blocks";
import { FORGE_PROFILES } from "../../helpers/forge";
import { ACTIVE, ACTIVE_REPO, json, setupFixture, SUPER, type Fixture } from "./fixture";

// §12 update from main when both sides changed the document: edits of
// neighbouring lines in different blocks merge on their own (Git's line
// merge refuses them), and a real conflict is resolved by the person — a
// side picked for one passage, another passage written — and committed as a
// merge of main into the branch with On-behalf-of, checked in the forge.

let fx: Fixture;

type Summary = { name: string; behindBy: number; headSha: string };
const doc = async (slug: string, branch: string) => json<{ text: string; headSha: string }>(await fx.call(getDocument, { as: "bob", params: { slug, branch } }));
const update = (slug: string, branch: string, resolution?: { mainSha: string; headSha: string; text: string }) =>
  fx.call(patchBranch, { as: "alice", method: "PATCH", params: { slug, branch }, body: { action: "update_from_main", ...(resolution ? { resolution } : {}) } });

async function edit(slug: string, branch: string, from: string, to: string) {
  const d = await doc(slug, branch);
  expect(d.text).toContain(from);
  const res = await fx.call(flush, { as: "alice", method: "POST", params: { slug, branch }, body: { baseSha: d.headSha, text: d.text.replace(from, to) } });
  expect(res.status).toBe(200);
}

// On each Gitea release the forge can play (FACTS §7): the helper branch
// cut from main's commit, its PR opened while Gitea may still be checking
// it, and the merge naming its head commit must work on 1.22 as on 1.24.
describe.each(FORGE_PROFILES)("Gitea %s", (gitea) => {
  beforeAll(async () => {
    fx = await setupFixture({ forge: { gitea } });
  });
  afterAll(() => fx.close());

  describe.each([
    { slug: ACTIVE, repo: ACTIVE_REPO, path: "RFC.md", ref: (n: string) => n },
    { slug: SUPER, repo: "rfcs/meta", path: `rfcs/${SUPER}.md`, ref: (n: string) => `edit/${SUPER}/${n}` },
  ])("$slug", ({ slug, repo, path, ref }) => {
    const repoRef = splitFullName(repo);
    /** A commit on main, as a merged PR would leave it. */
    async function onMain(from: string, to: string) {
      const file = await readFile(repoRef, path, "main");
      expect(file?.text).toContain(from);
      await commitFiles({
        repo: repoRef, branch: "main", subject: "Main moves", actor: await fx.actor("bob"), audit: { kind: "test" },
        files: [{ op: "update", path, content: file!.text.replace(from, to), sha: file!.sha }],
      });
    }
    const fileAt = async (sha: string) => (await readFile(repoRef, path, sha))?.text ?? "";
    const commit = async (sha: string) => (await giteaClient().repos.repoGetSingleCommit(repoRef.owner, repoRef.repo, sha)).data;
    const cut = async (name: string) => expect((await fx.call(cutBranch, { as: "alice", method: "POST", params: { slug }, body: { name } })).status).toBe(201);

    it("merges edits of neighbouring lines in different blocks on its own, as a merge commit with main in the branch", async () => {
      // A heading directly above its paragraph: the two lines touch, and Git's line merge refuses edits of both.
      await onMain("## Risks\n\nStale", "## Risks\nStale");
      await cut("adjacent");
      await edit(slug, "adjacent", "## Risks\n", "## Risks and limits\n");
      await onMain("Stale reads are possible", "Stale reads happen");
      const before = await doc(slug, "adjacent");

      const res = await update(slug, "adjacent");
      expect(res.status).toBe(200);
      const out = await json<{ branch: Summary; update: { merged: boolean; commitSha: string } }>(res);
      expect(out.branch.behindBy).toBe(0);
      const after = await doc(slug, "adjacent");
      expect(after.text).toContain("## Risks and limits\nStale reads happen after a write.");
      expect((await fileAt(after.headSha)).replace("## Risks and limits", "## Risks")).toBe(await fileAt("main"));

      const merge = await commit(after.headSha);
      expect(merge.parents).toHaveLength(2);
      expect(merge.commit?.message).toMatch(/^Merge main into adjacent/);
      expect(merge.commit?.message).toContain("On-behalf-of: alice <alice>");
      const mainHead = (await getBranch(repoRef, "main"))!.commit!.id!;
      // main is in the branch's history: comparing says nothing of main is missing.
      const cmp = await giteaClient().repos.repoCompareDiff(repoRef.owner, repoRef.repo, `${ref("adjacent")}...main`);
      expect(cmp.data.total_commits ?? cmp.data.commits?.length ?? 0).toBe(0);
      expect(mainHead).toBeTruthy();
      // Every commit Quorum added on the way carries On-behalf-of; the helper branch is gone and never listed.
      for (const p of merge.parents ?? []) {
        if (p.sha === before.headSha) continue;
        expect((await commit(p.sha!)).commit?.message).toContain("On-behalf-of: alice <alice>");
      }
      expect((await giteaBranches(repoRef)).map((b) => b.name).filter((n) => n?.startsWith("quorum/"))).toEqual([]);
      await fx.refresh();
      const { branches } = await json<{ branches: Summary[] }>(await fx.call(listBranches, { as: "alice", params: { slug } }));
      expect(branches.map((b) => b.name).filter((n) => n.startsWith("quorum/"))).toEqual([]);
    });

    it("a real conflict answers 409 with the merge's pieces; the person's resolution lands as one merge of main", async () => {
      await cut("both");
      await edit(slug, "both", "for five minutes", "for ten minutes");
      await edit(slug, "both", "Stale reads happen", "Stale reads are rare");
      await onMain("for five minutes", "for two minutes");
      await onMain("Stale reads happen", "Stale reads are common");
      const before = await doc(slug, "both");

      const refused = await update(slug, "both");
      expect(refused.status).toBe(409);
      const { error } = await json<{ error: { code: string; message: string; details: MergeConflictDetails } }>(refused);
      expect(error.message).toMatch(/changed the same passages/);
      const { segments, mainSha, headSha } = error.details.resolve;
      const conflicts = segments.filter((g) => g.kind === "conflict");
      expect(conflicts).toHaveLength(2);
      expect(headSha).toBe(before.headSha);
      expect((await doc(slug, "both")).headSha).toBe(before.headSha); // nothing written
      // The pieces join back to each side exactly.
      expect(joinSegments(segments, conflicts.map((g) => (g.kind === "conflict" ? g.ours : "")))).toBe(await fileAt(before.headSha));
      expect(joinSegments(segments, conflicts.map((g) => (g.kind === "conflict" ? g.theirs : "")))).toBe(await fileAt(mainSha));

      // Mine for the first passage, a new text for the second.
      const [first, second] = conflicts as Extract<(typeof conflicts)[number], { kind: "conflict" }>[];
      expect(first.ours).toContain("ten minutes");
      expect(second.theirs).toContain("Stale reads are common");
      const written = second.ours.replace("Stale reads are rare", "Stale reads are rare, and short");
      const text = joinSegments(segments, [first.ours, written]);

      // A resolution made against heads that have moved is refused, with the pieces again.
      const stale = await update(slug, "both", { mainSha: before.headSha, headSha, text });
      expect(stale.status).toBe(409);
      expect((await json<{ error: { message: string } }>(stale)).error.message).toMatch(/moved while you were resolving/);

      const res = await update(slug, "both", { mainSha, headSha, text });
      expect(res.status).toBe(200);
      expect((await json<{ branch: Summary }>(res)).branch.behindBy).toBe(0);
      const after = await doc(slug, "both");
      expect(await fileAt(after.headSha)).toBe(text);
      expect(after.text).toContain("for ten minutes");
      expect(after.text).toContain("Stale reads are rare, and short");
      const merge = await commit(after.headSha);
      expect(merge.parents).toHaveLength(2);
      expect(merge.commit?.message).toMatch(/^Merge main into both/);
      expect(merge.commit?.message).toContain("On-behalf-of: alice <alice>");
    });
  });
});

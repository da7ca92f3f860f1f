import { commitFiles } from "@/lib/bot/write-files";
import { cutBranch } from "@/lib/branches/cut";
import { listBranchSummaries } from "@/lib/branches/summaries";
import { sweepOnce } from "@/lib/cache/sweep";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { db } from "@/lib/db/client";
import { entryPath, serializeNewEntry } from "@/lib/entries";
import { deleteBranch, getBranch, readFile, splitFullName } from "@/lib/gitea";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { startCacheFixture, type CacheFixture } from "../cache/fixture";
import { nextSecond } from "../../helpers/wait";

// Companion repos take part in §4.1 like RFC repos: the org webhook of a
// push to a private branch, or of its deletion, refreshes the cache (and the
// branch row: deleted, still private); a sweep re-reads a companion repo only
// when it moved.

let fx: CacheFixture;
const SLUG = "quiet-plan";
const COMPANION = "rfcs/meta--quiet-plan--private-alice";
const alice = { id: 0, login: "alice", role: "contributor" as const };

beforeAll(async () => {
  fx = await startCacheFixture();
  const bot = await fx.actor("carol", "admin");
  await commitFiles({
    repo: splitFullName("rfcs/meta"), branch: "main", subject: "Seed", actor: bot, audit: { kind: "seed" },
    files: [{
      op: "create", path: entryPath(SLUG),
      content: serializeNewEntry({ slug: SLUG, title: "Quiet plan", state: "super-draft", id: "", repo: "", proposedBy: "bob", proposedAt: "2026-01-01T00:00:00Z", graduatedAt: "", graduatedBy: "", owners: ["bob"], arbiters: [], tags: [], body: "# Quiet plan\n\nOne line.\n" }),
    }],
  });
  await fx.settle();
  await cutBranch({ rfc: await loadRfcOrThrow(SLUG), name: "hush", visibility: "private", actor: await fx.actor("alice") });
  await fx.settle();
});
afterAll(() => fx.close());

const cachedHead = async () => (await db().cachedBranch.findUnique({ where: { repo_name: { repo: COMPANION, name: "hush" } } }))?.headSha;

it("a push to a private branch reaches the cache by the org webhook", async () => {
  const repo = splitFullName(COMPANION);
  const file = (await readFile(repo, entryPath(SLUG), "hush"))!;
  const { commitSha } = await commitFiles({
    repo, branch: "hush", subject: "Quietly", actor: await fx.actor("alice"), audit: { kind: "test" },
    files: [{ op: "update", path: entryPath(SLUG), content: `${file.text}Two lines.\n`, sha: file.sha }],
  });
  expect(await cachedHead()).not.toBe(commitSha);
  await fx.settle(); // the forge's webhook deliveries, and the refreshes they cause
  expect(await cachedHead()).toBe(commitSha);
});

it("a sweep reads a companion repo only when it moved", async () => {
  await nextSecond();
  await sweepOnce({ trigger: "manual" }); // settles updated_at after the last writes
  await nextSecond();
  await sweepOnce({ trigger: "manual" });
  const before = await db().repoSync.findUnique({ where: { repo: COMPANION } });
  await fx.resetForgeRequests();
  const idle = await sweepOnce({ trigger: "manual" });
  const after = await db().repoSync.findUnique({ where: { repo: COMPANION } });
  expect(after?.syncedAt).toEqual(before?.syncedAt); // not re-read
  expect(idle.reposRead).toBe(1); // the meta repo's two listings only
});

it("a private branch deleted in Gitea stays listed as deleted, private, with its creator", async () => {
  await deleteBranch(splitFullName(COMPANION), "hush");
  await fx.settle();
  expect(await getBranch(splitFullName(COMPANION), "hush")).toBeNull();
  const rfc = await loadRfcOrThrow(SLUG);
  expect((await listBranchSummaries(rfc, null)).map((b) => b.name)).toEqual(["main"]);
  const row = (await listBranchSummaries(rfc, { ...alice, id: (await fx.actor("alice")).userId! })).find((b) => b.name === "hush");
  expect(row).toMatchObject({ state: "deleted", visibility: "private", createdBy: "alice" });
  await enqueueRefresh(COMPANION, { branches: true });
  expect(await db().branchMeta.findUnique({ where: { rfcSlug_name: { rfcSlug: SLUG, name: "hush" } } })).toMatchObject({ deletedAt: expect.any(Date), visibility: "private" });
});

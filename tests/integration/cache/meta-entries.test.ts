import { metaRepo } from "@/lib/bot/meta-entry";
import { commitFiles } from "@/lib/bot/write-files";
import { wipeCache } from "@/lib/cache/rebuild";
import { ARCHIVE_ABOVE } from "@/lib/cache/refresh-meta-entries";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { sweepOnce } from "@/lib/cache/sweep";
import { db } from "@/lib/db/client";
import { entryPath } from "@/lib/entries";
import { readFile } from "@/lib/gitea";
import { editEntries, entryText, writeEntries } from "../catalog/entries";
import { startCacheFixture, type CacheFixture } from "./fixture";
import { pushDirect, rewindDirect } from "./git-direct";

// §4 at 10,000 entries (issue 15): when the meta repo's main moves, the
// refresh asks Gitea which files the new commits touched (one request for
// the commits since the cached head, with their files) and
// re-reads only those, instead of listing rfcs/ — which real Gitea answers
// with one `git log` per entry. A history rewritten under the cache, a first
// fill or a push of many entries reads the folder whole from one archive
// download (never that listing), so the cache still ends equal to Gitea.

let fx: CacheFixture;
type Logged = { method: string; path: string };
const forgeLog = async () => ((await (await fx.forge.admin("/requests")).json()) as { log: Logged[] }).log;
const refreshAsPush = () => enqueueRefresh("rfcs/meta", { branches: true, entries: true }); // what a push to meta main asks for
const isArchive = (path: string) => /\/rfcs\/meta\/archive\/[0-9a-f]{40}\.tar\.gz$/.test(path);
const titles = async () => Object.fromEntries((await db().cachedRfc.findMany({ select: { slug: true, title: true } })).map((r) => [r.slug, r.title]));

beforeAll(async () => {
  fx = await startCacheFixture();
  await fx.pauseWebhooks(); // the test triggers each refresh itself
  const carol = await fx.actor("carol", "admin");
  await writeEntries(carol, Array.from({ length: 30 }, (_, i) => ({ slug: `e-${i}`, title: `Entry ${i}` })));
  await sweepOnce({ trigger: "manual" });
});
afterAll(() => fx.close());

it("a push re-reads only the entries its commits touched: one commit listing, no listing of rfcs/", async () => {
  const carol = await fx.actor("carol", "admin");
  await editEntries(carol, { "e-3": (t) => t.replace("title: Entry 3", "title: Entry three") });
  await writeEntries(carol, [{ slug: "e-new", title: "A new entry" }]);
  await fx.resetForgeRequests();
  expect(await refreshAsPush()).toMatchObject({ ok: true });
  const log = await forgeLog();
  expect(log.filter((l) => l.path.endsWith("/rfcs/meta/commits"))).toHaveLength(1); // the commits since the cached head, with their files
  expect(log.filter((l) => l.path.endsWith("/contents/rfcs"))).toEqual([]); // no folder listing
  expect(log.filter((l) => /\/(contents|raw)\/rfcs\/.+\.md$/.test(l.path)).map((l) => l.path).sort()).toEqual([
    "/api/v1/repos/rfcs/meta/raw/rfcs/e-3.md",
    "/api/v1/repos/rfcs/meta/raw/rfcs/e-new.md",
  ]);
  expect(await titles()).toMatchObject({ "e-3": "Entry three", "e-new": "A new entry", "e-4": "Entry 4" });
});

it("an entry deleted in a commit leaves the cache (and its search index) on the next push", async () => {
  const carol = await fx.actor("carol", "admin");
  const file = await readFile(metaRepo(), entryPath("e-5"), "main");
  await commitFiles({ repo: metaRepo(), branch: "main", files: [{ op: "delete", path: entryPath("e-5"), sha: file!.sha }], subject: "Drop e-5", actor: carol, audit: { kind: "test" } });
  await refreshAsPush();
  expect(await db().cachedRfc.findUnique({ where: { slug: "e-5" } })).toBeNull();
  expect(await db().cachedRfcTag.count({ where: { rfcSlug: "e-5" } })).toBe(0);
});

it("commits pushed straight into Git since the last refresh are all covered", async () => {
  pushDirect(fx.forge, "rfcs/meta", "rfcs/e-6.md", (t) => t.replace("title: Entry 6", "title: Entry six"), "One");
  pushDirect(fx.forge, "rfcs/meta", "rfcs/e-7.md", (t) => t.replace("title: Entry 7", "title: Entry seven"), "Two");
  await refreshAsPush();
  expect(await titles()).toMatchObject({ "e-6": "Entry six", "e-7": "Entry seven" });
});

it("history rewritten under the cache: the refresh reads rfcs/ whole and the cache ends equal to Gitea", async () => {
  const carol = await fx.actor("carol", "admin");
  await editEntries(carol, { "e-8": (t) => t.replace("title: Entry 8", "title: Entry eight") });
  await refreshAsPush();
  expect((await titles())["e-8"]).toBe("Entry eight");
  rewindDirect(fx.forge, "rfcs/meta", 1); // the edit is gone from main
  await fx.resetForgeRequests();
  await refreshAsPush();
  expect((await forgeLog()).some((l) => isArchive(l.path))).toBe(true); // fell back to reading the whole folder
  expect((await titles())["e-8"]).toBe("Entry 8");
  // And the next push is incremental again.
  await editEntries(carol, { "e-9": () => entryText({ slug: "e-9", title: "Entry nine" }) });
  await fx.resetForgeRequests();
  await refreshAsPush();
  expect((await forgeLog()).some((l) => isArchive(l.path))).toBe(false);
  expect((await titles())["e-9"]).toBe("Entry nine");
});

it("a push that touched many entries (an import) reads them from one archive, not one by one", async () => {
  const carol = await fx.actor("carol", "admin");
  await writeEntries(carol, Array.from({ length: ARCHIVE_ABOVE + 3 }, (_, i) => ({ slug: `import-${i}`, title: `Imported ${i}` })));
  await fx.resetForgeRequests();
  await refreshAsPush();
  const log = await forgeLog();
  expect(log.filter((l) => isArchive(l.path))).toHaveLength(1);
  expect(log.filter((l) => /\/contents\/rfcs\/.+\.md$/.test(l.path))).toEqual([]);
  expect(await titles()).toMatchObject({ "import-0": "Imported 0", [`import-${ARCHIVE_ABOVE + 2}`]: `Imported ${ARCHIVE_ABOVE + 2}` });
});

it("a first fill of many entries reads rfcs/ from one archive, and the rows equal those read one by one", async () => {
  const carol = await fx.actor("carol", "admin");
  await writeEntries(carol, Array.from({ length: ARCHIVE_ABOVE + 5 }, (_, i) => ({ slug: `bulk-${i}`, title: `Bulk ${i} “quoted” ü`, body: `Body ${i}.\n` })));
  await refreshAsPush();
  const oneByOne = await db().cachedRfc.findMany({ orderBy: { slug: "asc" }, select: { slug: true, title: true, body: true, entrySha: true, owners: true, tags: true, state: true } });
  await wipeCache();
  await fx.resetForgeRequests();
  await sweepOnce({ trigger: "manual" });
  const log = await forgeLog();
  expect(log.filter((l) => isArchive(l.path))).toHaveLength(1);
  expect(log.filter((l) => /\/contents\/rfcs(\/.+\.md)?$/.test(l.path))).toEqual([]); // neither the folder listing nor an entry
  const fromArchive = await db().cachedRfc.findMany({ orderBy: { slug: "asc" }, select: { slug: true, title: true, body: true, entrySha: true, owners: true, tags: true, state: true } });
  expect(fromArchive).toEqual(oneByOne);
  expect(fromArchive.length).toBeGreaterThan(ARCHIVE_ABOVE + 30);
});

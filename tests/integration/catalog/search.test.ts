import { metaRepo } from "@/lib/bot/meta-entry";
import { commitFiles } from "@/lib/bot/write-files";
import { loadCatalogView } from "@/lib/catalog/catalog-view";
import { plainText } from "@/lib/catalog/highlight";
import { countCatalog, listCatalogFacets, type CatalogFilters } from "@/lib/db/queries/catalog";
import { searchCatalog } from "@/lib/db/queries/catalog-search";
import { entryPath } from "@/lib/entries";
import { readFile } from "@/lib/gitea";
import { db } from "@/lib/db/client";
import { createActiveRfc } from "@/scripts/seed/active-rfc";
import { startCacheFixture, type CacheFixture } from "../cache/fixture";
import { deleteEntries, editEntries, entryText, writeEntries } from "./entries";

// §7 full-text search (issue 15) against the real SQLite FTS5 index (and
// PostgreSQL's tsvector index in search-postgres.test.ts), filled
// by the cache writers from entries committed to the forge: ranking, marks,
// escaping of what people type, unicode, filters, and that nothing but an
// RFC's main text is ever found (branches, private or not, are not indexed).

let fx: CacheFixture;
const search = async (q: string, extra: Omit<CatalogFilters, "q"> = {}) => searchCatalog({ filters: { q, ...extra }, page: 1, pageSize: 50 });
const slugs = async (q: string, extra: Omit<CatalogFilters, "q"> = {}) => (await search(q, extra)).map((h) => h.slug);

beforeAll(async () => {
  fx = await startCacheFixture();
  const carol = await fx.actor("carol", "admin");
  await writeEntries(carol, [
    { slug: "title-hit", title: "Graduation checklist", body: "## Summary\n\nSteps before a repo exists.\n", tags: ["process"], owners: ["alice"] },
    { slug: "summary-hit", title: "Moving drafts along", body: "## Summary\n\nHow graduation turns a draft into a repo.\n\n## Design\n\nMore words here.\n", tags: ["process"] },
    {
      slug: "body-hit",
      title: "Repository layout",
      body: "## Summary\n\nWhere files live.\n\n## Details\n\nA long section about folders, names and files, mentioning graduation only once, near the end.\n",
      owners: ["bob"],
    },
    { slug: "graduation-withdrawn", title: "Graduation without owners", state: "withdrawn", body: "Dropped.\n" },
    { slug: "event-log", title: "Event log for audit", body: "## Summary\n\nRecord every write as an event in a log.\n", tags: ["storage"] },
    { slug: "log-event-order", title: "Ordering", body: "The log keeps order; an event never moves.\n" },
    { slug: "unicode", title: "Überprüfung der Zugänge", body: "Le café est prêt. 日本語 テキスト\n" },
    { slug: "operators", title: "AND OR NOT NEAR", body: "Words that look like query operators: title:secret and *star*.\n" },
    { slug: "markup", title: "Markup in results", body: "## Design\n\nThe **zebra** crossing is [documented](https://example.test/z) here.\n" },
    { slug: "twice", title: "Listed twice", body: "A tapir.\n", tags: ["process", "process"], owners: ["bob", "bob"] },
  ]);
  await createActiveRfc(carol, {
    slug: "active-one",
    title: "An active RFC",
    number: 1,
    body: "# An active RFC\n\n## Summary\n\nThe repository's RFC.md speaks of a heron.\n",
    proposedBy: "alice",
    owners: ["alice"],
  });
  await fx.settle();
  // Branches, in the meta repo and in the RFC's repo, carry a word main never had.
  const entry = await readFile(metaRepo(), entryPath("title-hit"), "main");
  await commitFiles({
    repo: metaRepo(),
    branch: "main",
    newBranch: "edit/title-hit/secret",
    files: [{ op: "update", path: entryPath("title-hit"), content: `${entry!.text}\nZanzibar plans.\n`, sha: entry!.sha }],
    subject: "Private edit",
    actor: carol,
    audit: { kind: "test" },
  });
  const rfcRepo = { owner: fx.forge.org, repo: "rfc-0001-active-one" };
  const rfcMd = await readFile(rfcRepo, "RFC.md", "main");
  await commitFiles({
    repo: rfcRepo,
    branch: "main",
    newBranch: "draft/secret",
    files: [{ op: "update", path: "RFC.md", content: `${rfcMd!.text}\nZanzibar too.\n`, sha: rfcMd!.sha }],
    subject: "Private edit",
    actor: carol,
    audit: { kind: "test" },
  });
  await fx.settle();
});
afterAll(() => fx.close());

it("ranks a hit in the title above one in the summary, above one in the body", async () => {
  const order = await slugs("graduation");
  expect(order).toHaveLength(4);
  expect(order.indexOf("title-hit")).toBeLessThan(order.indexOf("summary-hit"));
  expect(order.indexOf("graduation-withdrawn")).toBeLessThan(order.indexOf("summary-hit"));
  expect(order.indexOf("summary-hit")).toBeLessThan(order.indexOf("body-hit"));
});

it("marks the matched words in the title and in a passage of the summary or body", async () => {
  const hits = await search("graduation");
  const title = hits.find((h) => h.slug === "title-hit")!;
  expect(title.titleMarked).toEqual([
    { text: "Graduation", hit: true },
    { text: " checklist", hit: false },
  ]);
  expect(title.snippet).toEqual([]); // only the title matched: the row shows no passage
  const body = hits.find((h) => h.slug === "body-hit")!;
  expect(body.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(["graduation"]);
  expect(plainText(body.snippet)).toContain("mentioning graduation only once");
  const summary = hits.find((h) => h.slug === "summary-hit")!;
  expect(plainText(summary.snippet)).toBe("How graduation turns a draft into a repo.");
});

it("shows passages as plain text: Markdown around the hit is flattened", async () => {
  const [hit] = await search("zebra");
  expect(plainText(hit.snippet)).toContain("The zebra crossing is documented here.");
  expect(hit.snippet.find((s) => s.hit)?.text).toBe("zebra");
});

it("finds an active RFC by the RFC.md of its repo", async () => {
  const [hit] = await search("heron");
  expect(hit).toMatchObject({ slug: "active-one", state: "active", rfcId: "RFC-0001", summary: "The repository's RFC.md speaks of a heron." });
});

it("never finds what only a branch holds, private or not", async () => {
  expect(await slugs("zanzibar")).toEqual([]);
  expect((await countCatalog({ filters: { q: "zanzibar" } })).matchingTotal).toBe(0);
});

it.each([
  { q: "event log", want: ["event-log", "log-event-order"], why: "every word, in any order" },
  { q: '"event log"', want: ["event-log"], why: "a phrase, in order" },
  { q: "even", want: ["event-log", "log-event-order"], why: "words match as prefixes" },
  { q: "Graduation CHECKLIST", want: ["title-hit"], why: "case does not matter" },
  { q: "cafe", want: ["unicode"], why: "diacritics fold" },
  { q: "ÜBERPRÜFUNG", want: ["unicode"], why: "unicode case folds" },
  { q: "uberprufung", want: ["unicode"], why: "diacritics fold both ways" },
  { q: "日本語", want: ["unicode"], why: "a CJK word" },
  { q: "AND", want: ["body-hit", "operators"], why: "AND is the word and" },
  { q: "OR NOT", want: ["operators"], why: "OR and NOT are words" },
  { q: "NEAR query", want: ["operators"], why: "NEAR is a word" },
  { q: "NEAR(query operators)", want: [], why: "no NEAR group: the phrase near query, which no text holds" },
  { q: "title:secret", want: ["operators"], why: "a column filter is a phrase" },
  { q: "*star*", want: ["operators"], why: "stars are punctuation" },
  { q: 'event "', want: ["event-log", "log-event-order"], why: "an unbalanced quote" },
  { q: "nothingmatchesthis", want: [], why: "no hit" },
  { q: '""', want: [], why: "an empty phrase is no search" },
  { q: "* - ^ :", want: [], why: "punctuation only is no search" },
  { q: "", want: [], why: "empty" },
])("$q → $want ($why)", async ({ q, want }) => {
  expect((await slugs(q)).sort()).toEqual([...want].sort());
});

it("punctuation alone is no search: the catalog shows its ordinary pages, the box keeps the text", async () => {
  const view = await loadCatalogView({ q: "* -" }, 1);
  expect(view.kind).toBe("overview");
  expect(view.filters.q).toBe("* -");
});

it("an entry naming a tag or an owner twice is cached (under each once), not a failed refresh", async () => {
  expect(await slugs("tapir")).toEqual(["twice"]);
  expect(await slugs("tapir", { tag: "process", owner: "bob" })).toEqual(["twice"]);
  expect(await db().cachedRfcTag.count({ where: { rfcSlug: "twice" } })).toBe(1);
  expect(await db().cachedRfcOwner.count({ where: { rfcSlug: "twice" } })).toBe(1);
  // Updated, the row's tags are written again (the trigger of an update, where a conflict would abort the refresh).
  await editEntries(await fx.actor("carol", "admin"), { twice: (t) => t.replace("title: Listed twice", "title: Listed twice, retitled") });
  await fx.settle();
  expect((await search("tapir")).map((h) => h.title)).toEqual(["Listed twice, retitled"]);
  expect(await db().cachedRfcTag.count({ where: { rfcSlug: "twice" } })).toBe(1);
});

it("counts the matches per state in one aggregate, and the state and tag filters narrow the results", async () => {
  const counts = await countCatalog({ filters: { q: "graduation" } });
  expect(counts.matching).toEqual({ "super-draft": 3, active: 0, accepted: 0, rejected: 0, withdrawn: 1 });
  expect(counts.matchingTotal).toBe(4);
  expect(counts.all).toBe(11);
  expect(await slugs("graduation", { state: "withdrawn" })).toEqual(["graduation-withdrawn"]);
  expect((await slugs("graduation", { tag: "process" })).sort()).toEqual(["summary-hit", "title-hit"]);
  expect(await slugs("graduation", { owner: "bob" })).toEqual(["body-hit"]);
  expect((await countCatalog({ filters: { q: "graduation", tag: "process" } })).matching["super-draft"]).toBe(2);
  const view = await loadCatalogView({ q: "graduation", state: "super-draft" }, 1);
  expect(view).toMatchObject({ kind: "search", page: 1, pages: 1 });
  if (view.kind === "search") expect(view.hits.map((h) => h.state)).toEqual(["super-draft", "super-draft", "super-draft"]);
});

it("follows the entries: a retitled entry is found by its new words only; an invalid one is not found at all", async () => {
  const carol = await fx.actor("carol", "admin");
  await editEntries(carol, {
    "title-hit": (t) => t.replace("title: Graduation checklist", "title: Promotion checklist"),
    operators: () => "not an entry any more\n",
  });
  await fx.settle();
  expect(await slugs("promotion")).toEqual(["title-hit"]);
  expect(await slugs("checklist graduation")).toEqual([]);
  expect(await slugs("operators")).toEqual([]); // invalid: kept out of the catalog and its search
  expect((await listCatalogFacets()).tags).toEqual(["process", "storage"]);
  // Mended in Git, it is found again.
  await editEntries(carol, { operators: () => entryText({ slug: "operators", title: "AND OR NOT NEAR", body: "Query operators again.\n" }) });
  await fx.settle();
  expect(await slugs("operators")).toEqual(["operators"]);
});

it("counts follow the entries: a state change moves a match, an invalid or deleted entry leaves the counts", async () => {
  const carol = await fx.actor("carol", "admin");
  const counts = async () => {
    const [searched, browsed] = await Promise.all([countCatalog({ filters: { q: "quokka" } }), countCatalog()]);
    expect(searched.all).toBe(browsed.all); // both ways count the same listed RFCs
    return { all: searched.all, ...searched.matching };
  };
  const before = (await countCatalog()).all;
  await writeEntries(carol, [
    { slug: "quokka-one", title: "Counting quokkas", body: "One.\n" },
    { slug: "quokka-two", title: "More quokkas", body: "Two.\n" },
  ]);
  await fx.settle();
  expect(await counts()).toEqual({ all: before + 2, "super-draft": 2, active: 0, accepted: 0, rejected: 0, withdrawn: 0 });

  await editEntries(carol, { "quokka-one": (t) => t.replace("state: super-draft", "state: withdrawn") });
  await fx.settle();
  expect(await counts()).toEqual({ all: before + 2, "super-draft": 1, active: 0, accepted: 0, rejected: 0, withdrawn: 1 });

  await editEntries(carol, { "quokka-two": () => "not an entry any more\n" });
  await fx.settle();
  expect(await counts()).toEqual({ all: before + 1, "super-draft": 0, active: 0, accepted: 0, rejected: 0, withdrawn: 1 });

  await deleteEntries(carol, ["quokka-one"]);
  await fx.settle();
  expect(await counts()).toEqual({ all: before, "super-draft": 0, active: 0, accepted: 0, rejected: 0, withdrawn: 0 });
});

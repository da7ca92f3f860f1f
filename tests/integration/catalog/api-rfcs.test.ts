import { GET as listRfcsRoute } from "@/app/api/rfcs/route";
import { loadCatalogView, OVERVIEW_PER_STATE, PAGE_SIZE } from "@/lib/catalog/catalog-view";
import { countCatalog, listCatalogFacets } from "@/lib/db/queries/catalog";
import type { RfcListPage } from "@/lib/contracts";
import type { EntryState } from "@/lib/entries";
import { startCacheFixture, type CacheFixture } from "../cache/fixture";
import { editEntries, writeEntries, type EntrySpec } from "./entries";

// GET /api/rfcs (§17) and the catalog page's data (§7) over 40 RFCs
// committed to the forge: filters, keyset pages that miss and repeat
// nothing while entries change between pages, bad input, and the page's
// overview, state pages and counts.

let fx: CacheFixture;
const stateOf = (i: number): EntryState => (i < 30 ? "super-draft" : i < 35 ? "withdrawn" : "accepted");
const slugOf = (i: number) => `p-${String(i).padStart(2, "0")}`;
const SEED: EntrySpec[] = Array.from({ length: 40 }, (_, i) => ({
  slug: slugOf(i),
  title: `Proposal ${i} about ${i % 3 === 0 ? "sync" : "storage"}`,
  state: stateOf(i),
  body: `## Summary\n\nNumber ${i}.\n`,
  tags: [i % 2 ? "odd" : "even"],
  owners: [i % 4 === 0 ? "bob" : "alice"],
}));

beforeAll(async () => {
  fx = await startCacheFixture();
  await writeEntries(await fx.actor("carol", "admin"), SEED);
  await fx.settle();
});
afterAll(() => fx.close());

async function get(query: string): Promise<{ status: number; body: RfcListPage & { error?: { code: string; message: string } } }> {
  const res = await listRfcsRoute(new Request(`http://app.test/api/rfcs${query}`), { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

/** Walks every page of a query; `between` runs after each page but the last. */
async function walk(query: string, between: (page: number) => Promise<void> = async () => undefined): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 1; ; page++) {
    const { status, body } = await get(`?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(status).toBe(200);
    seen.push(...body.rfcs.map((r) => r.slug));
    cursor = body.nextCursor;
    if (!cursor) return seen;
    await between(page);
  }
}

it("lists every RFC in slug order with the RfcView fields and the summary", async () => {
  const { body } = await get("?limit=3");
  expect(body.rfcs.map((r) => r.slug)).toEqual(["p-00", "p-01", "p-02"]);
  expect(body.rfcs[0]).toEqual({
    slug: "p-00",
    title: "Proposal 0 about sync",
    state: "super-draft",
    rfcId: null,
    repo: null,
    kind: "super-draft",
    owners: ["bob"],
    arbiters: [],
    tags: ["even"],
    proposedBy: "alice",
    lastActivityAt: expect.any(String),
    summary: "Number 0.",
    lifecycle: null, // owned: no claim to invite, no motion
  });
  expect(await walk("limit=7")).toEqual(SEED.map((e) => e.slug));
});

it("says what the catalog row says of each RFC's lifecycle (§3): withdrawn, decided", async () => {
  const withdrawn = (await get("?state=withdrawn&limit=1")).body.rfcs[0];
  expect(withdrawn.lifecycle).toEqual({ kind: "withdrawn", reason: expect.any(String), at: expect.any(String) });
  const accepted = (await get("?state=accepted&limit=1")).body.rfcs[0];
  expect(accepted.lifecycle).toEqual({ kind: "decided", outcome: "accepted", rationale: expect.any(String), at: expect.any(String) });
});

it.each([
  { query: "state=withdrawn", want: SEED.filter((e) => e.state === "withdrawn") },
  { query: "tag=odd", want: SEED.filter((e) => e.tags!.includes("odd")) },
  { query: "owner=bob", want: SEED.filter((e) => e.owners!.includes("bob")) },
  { query: "q=sync", want: SEED.filter((e) => e.title.endsWith("sync")) },
  { query: "q=sync&state=accepted&tag=even", want: SEED.filter((e) => e.title.endsWith("sync") && e.state === "accepted" && e.tags!.includes("even")) },
  { query: "state=&tag=", want: SEED }, // empty values are no filter
  { query: "q=*%20-", want: [] }, // nothing searchable: nothing matches
])("filters like the catalog: $query", async ({ query, want }) => {
  expect(await walk(`${query}&limit=4`)).toEqual(want.map((e) => e.slug));
});

it("misses and repeats nothing while entries change between pages", async () => {
  const carol = await fx.actor("carol", "admin");
  let changed = false;
  const seen = await walk("limit=6", async (page) => {
    if (page === 2) {
      // Seen and unseen entries change title and state; new entries sort before and after the cursor.
      await editEntries(carol, {
        "p-01": (t) => t.replace("Proposal 1 about", "Renamed proposal 1 about"),
        "p-31": (t) => t.replace("state: withdrawn", "state: super-draft"),
        "p-20": (t) => t.replace("Proposal 20", "Proposal twenty"),
      });
      await writeEntries(carol, [
        { slug: "a-new", title: "Sorts before every cursor" },
        { slug: "z-new", title: "Sorts after every cursor" },
      ]);
      await fx.settle();
      changed = true;
    }
  });
  expect(changed).toBe(true);
  expect(new Set(seen).size).toBe(seen.length); // nothing twice
  for (const e of SEED) expect(seen).toContain(e.slug); // everything that existed throughout, once
  expect(seen).toContain("z-new"); // added after the cursor: reached
  expect(seen).not.toContain("a-new"); // added before it: on a page already read (a new walk has it)
  expect((await walk("limit=50"))[0]).toBe("a-new");
});

it("a filtered walk keeps what matches throughout while others move in and out of the filter", async () => {
  const carol = await fx.actor("carol", "admin");
  const before = (await walk("state=super-draft&limit=100")).filter((s) => s.startsWith("p-"));
  const seen = await walk("state=super-draft&limit=5", async (page) => {
    if (page === 1) {
      await editEntries(carol, { "p-28": (t) => t.replace("state: super-draft", "state: withdrawn") });
      await fx.settle();
    }
  });
  expect(new Set(seen).size).toBe(seen.length);
  for (const slug of before.filter((s) => s !== "p-28")) expect(seen).toContain(slug);
  expect(seen).not.toContain("p-28");
});

it.each([
  { query: "?state=idea", status: 422, code: "unprocessable", names: "state" },
  { query: "?limit=0", status: 422, code: "unprocessable", names: "limit" },
  { query: "?limit=201", status: 422, code: "unprocessable", names: "limit" },
  { query: "?limit=ten", status: 422, code: "unprocessable", names: "limit" },
  { query: "?sort=title", status: 422, code: "unprocessable", names: "sort" },
  { query: `?q=${"x".repeat(201)}`, status: 422, code: "unprocessable", names: "q" },
  { query: "?cursor=not-a-cursor", status: 400, code: "bad_request", names: "cursor" },
])("$query → $status $code naming $names", async ({ query, status, code, names }) => {
  const res = await get(query);
  expect(res.status).toBe(status);
  expect(res.body.error).toMatchObject({ code, message: expect.stringContaining(names) });
});

describe("the catalog page's data", () => {
  it("opens on an overview: the first few of each state and how many there are", async () => {
    const view = await loadCatalogView({}, 1);
    if (view.kind !== "overview") throw new Error(view.kind);
    const counts = await countCatalog();
    expect(view.groups.map((g) => [g.state, g.total, g.rfcs.length])).toEqual(
      (["super-draft", "accepted", "withdrawn"] as const).filter((s) => counts.matching[s]).map((s) => [s, counts.matching[s], Math.min(OVERVIEW_PER_STATE, counts.matching[s])]),
    );
    expect(view.groups[0].rfcs.every((r) => r.state === "super-draft")).toBe(true);
  });

  it("pages one state, most recently active first, and says when a page is past the end", async () => {
    const total = (await countCatalog()).matching["super-draft"];
    expect(total).toBeGreaterThan(PAGE_SIZE);
    const one = await loadCatalogView({ state: "super-draft" }, 1);
    const two = await loadCatalogView({ state: "super-draft" }, 2);
    if (one.kind !== "state" || two.kind !== "state") throw new Error("not a state page");
    expect(one).toMatchObject({ page: 1, pages: Math.ceil(total / PAGE_SIZE) });
    expect(one.rfcs).toHaveLength(PAGE_SIZE);
    expect(two.rfcs).toHaveLength(total - PAGE_SIZE);
    const all = [...one.rfcs, ...two.rfcs];
    expect(new Set(all.map((r) => r.slug)).size).toBe(total);
    const times = all.map((r) => r.lastActivityAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const past = await loadCatalogView({ state: "super-draft" }, 9);
    expect(past).toMatchObject({ kind: "state", page: 9, rfcs: [] });
  });

  it("counts per state under the tag and owner filters, and offers every tag and owner in use", async () => {
    const counts = await countCatalog({ filters: { tag: "odd", owner: "alice" } });
    expect(counts.all).toBe(42);
    expect(counts.matchingTotal).toBe(SEED.filter((e) => e.tags!.includes("odd") && e.owners!.includes("alice")).length);
    expect(await listCatalogFacets()).toEqual({ tags: ["even", "odd"], owners: ["alice", "bob"] });
  });
});

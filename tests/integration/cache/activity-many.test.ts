import { recomputeActivity } from "@/lib/cache/activity";
import { db } from "@/lib/db/client";
import { createTestDatabase } from "@/tests/helpers/db";

// Issue 15: a first sweep at 1,000 RFCs names every entry in one refresh,
// and recomputing their last activity put every slug in one statement —
// more parameters than SQLite takes (999): "the query parameter limit
// supported by your database is exceeded", the meta repo's refresh failed
// and the catalog stayed empty. The bench at 1,000 RFCs found it.

const N = 1_200;
const slugOf = (i: number) => `many-${String(i).padStart(4, "0")}`;
const proposedAt = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
let database: ReturnType<typeof createTestDatabase>;

beforeAll(async () => {
  database = createTestDatabase();
  await db().cachedRfc.createMany({
    data: Array.from({ length: N }, (_, i) => ({
      slug: slugOf(i),
      title: `Entry ${i}`,
      state: "super-draft",
      proposedAt: proposedAt(i),
      frontmatter: JSON.stringify({ proposed_at: proposedAt(i) }),
      entryPath: `rfcs/${slugOf(i)}.md`,
      entrySha: "0".repeat(40),
      lastActivityAt: new Date(0),
    })),
  });
  // The last entry of the last slice has a branch with a later commit.
  await db().cachedBranch.create({ data: { rfcSlug: slugOf(N - 1), repo: "rfcs/meta", name: "edit/x", displayName: "edit/x", headSha: "1".repeat(40), lastCommitAt: new Date(Date.UTC(2026, 0, 1)) } });
});
afterAll(() => database.close());

it(`recomputes the last activity of ${N.toLocaleString("en")} entries in one call`, async () => {
  await recomputeActivity(Array.from({ length: N }, (_, i) => slugOf(i)));
  const rows = await db().cachedRfc.findMany({ select: { slug: true, lastActivityAt: true }, orderBy: { slug: "asc" } });
  expect(rows).toHaveLength(N);
  const wrong = rows.filter((r, i) => r.lastActivityAt.toISOString() !== (i === N - 1 ? "2026-01-01T00:00:00.000Z" : proposedAt(i)));
  expect(wrong).toEqual([]);
});

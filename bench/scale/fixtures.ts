import { metaRepo, nowIso } from "@/lib/bot/meta-entry";
import { commitFiles } from "@/lib/bot/write-files";
import { db } from "@/lib/db/client";
import { entryPath, serializeNewEntry } from "@/lib/entries";
import { readCorpusFile } from "@/tests/fixtures";
import { appClient, mainThreadId } from "./app-client";
import { acceptLine } from "./figures/writes";
import type { ScaleWorld } from "./world";

// The RFCs the write, chat and editor figures work on, owned by alice:
// a one-line document (the RFC view's HTML without a document to speak of),
// the 86 KB RFC of the corpus (the editor figure) and a document of distinct
// lines (each accept changes one).

export const FIXTURES = {
  small: "bench-small-doc",
  large: "bench-large-doc",
  accept: "bench-accept",
  editBranch: "bench-edit",
  acceptBranch: "bench-accept",
};

const draft = (slug: string, title: string, body: string) =>
  serializeNewEntry({
    slug,
    title,
    state: "super-draft",
    id: "",
    repo: "",
    proposedBy: "alice",
    proposedAt: nowIso(),
    graduatedAt: "",
    graduatedBy: "",
    owners: ["alice"],
    arbiters: ["carol"],
    tags: ["bench"],
    body,
  });

/** Commits the three entries (before the app starts: its startup sweep reads them). */
export async function writeFixtureEntries(w: ScaleWorld): Promise<void> {
  const accept = Array.from({ length: 400 }, (_, i) => acceptLine(i)).join("\n\n");
  await commitFiles({
    repo: metaRepo(),
    branch: "main",
    files: [
      { op: "create", path: entryPath(FIXTURES.small), content: draft(FIXTURES.small, "A one-line document", "# Small\n\nOne line.\n") },
      { op: "create", path: entryPath(FIXTURES.large), content: draft(FIXTURES.large, "The Leadership Council (86 KB)", readCorpusFile("3392-leadership-council.md")) },
      { op: "create", path: entryPath(FIXTURES.accept), content: draft(FIXTURES.accept, "Lines to accept changes on", `# Accept\n\n${accept}\n`) },
    ],
    subject: "Add the benchmark's own RFCs",
    actor: w.bot,
    audit: { kind: "bench_seed" },
  });
}

/** Cuts alice's branches (once the app runs: branches are cut through its route) and finds a thread to read. */
export async function cutFixtureBranches(w: ScaleWorld): Promise<{ editThreadId: string }> {
  const alice = await appClient(w, "alice");
  for (const [slug, name] of [
    [FIXTURES.large, FIXTURES.editBranch],
    [FIXTURES.accept, FIXTURES.acceptBranch],
  ]) {
    const known = await db().branchMeta.findUnique({ where: { rfcSlug_name: { rfcSlug: slug, name } } });
    if (!known) await alice.postJson(`/api/rfcs/${slug}/branches`, { name, visibility: "public" });
  }
  return { editThreadId: await mainThreadId(alice, FIXTURES.large, FIXTURES.editBranch) };
}

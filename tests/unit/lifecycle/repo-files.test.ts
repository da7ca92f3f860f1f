import { readmeWithDecision } from "@/lib/bot/readme-decision";
import { metadataYaml, readme } from "@/lib/graduation/seed-files";
import { metadataYamlWith, readmeWith } from "@/lib/lifecycle/repo-metadata";
import type { Entry } from "@/lib/entries";

// §3 an active RFC's repo follows its entry: metadata changes and the decision.

const entry: Entry = {
  slug: "fast-sync", title: "Fast sync", state: "active", id: "RFC-0007", repo: "rfcs/rfc-0007-fast-sync",
  proposedBy: "alice", proposedAt: "", graduatedAt: "", graduatedBy: "", owners: ["bob"], arbiters: ["carol"], tags: ["sync"], extra: {}, body: "",
};
const seed = { entry, rfcId: "RFC-0007", repo: "rfcs/rfc-0007-fast-sync", metaRepo: "rfcs/meta", entryPath: "rfcs/fast-sync.md", appUrl: "https://q.example", giteaPublicUrl: "https://g.example" };
const diff = (before: string, after: string) => {
  const [a, b] = [after.split("\n"), before.split("\n")];
  return { added: a.filter((l) => !b.includes(l)), removed: b.filter((l) => !a.includes(l)) };
};
const next = { id: "RFC-0007", title: "Faster sync", owners: ["bob", "dave"], arbiters: ["carol"], tags: ["sync"] };

test(".rfc/metadata.yaml: only the changed keys' lines move", () => {
  const before = metadataYaml(seed);
  expect(diff(before, metadataYamlWith(before, next))).toEqual({ added: ["title: Faster sync", "  - dave"], removed: ["title: Fast sync"] });
  expect(metadataYamlWith(before, { ...next, title: "Fast sync", owners: ["bob"] })).toBe(before); // nothing changed: same bytes
});

test("README.md: the title and the Owners / Arbiters / Tags lines follow; the rest stays", () => {
  const before = readme(seed);
  expect(diff(before, readmeWith(before, next))).toEqual({
    added: ["# RFC-0007: Faster sync", "- Owners: @bob, @dave"],
    removed: ["# RFC-0007: Fast sync", "- Owners: @bob"],
  });
  const noTags = readmeWith(before, { ...next, tags: [] });
  expect(noTags).not.toContain("- Tags:");
  expect(readmeWith(noTags, { ...next, tags: ["a", "b"] })).toContain("- Arbiters: @carol\n- Tags: a, b");
});

test("the decision section: added once, replaced rather than repeated, the same text twice is no change", () => {
  const d = { outcome: "accepted" as const, rationale: "Clear win.\nNo objections.", by: ["alice", "carol"], at: "2026-03-11T10:00:00.000Z", via: "after a 10-day final comment period on a motion by @bob" };
  const once = readmeWithDecision(readme(seed), d);
  expect(once).toContain("## Decision\n\n**Accepted** on 2026-03-11 by @alice, @carol after a 10-day final comment period on a motion by @bob.\n\n> Clear win.\n> No objections.\n");
  expect(readmeWithDecision(once, d)).toBe(once);
  const rejected = readmeWithDecision(once, { ...d, outcome: "rejected" });
  expect(rejected.match(/## Decision/g)).toHaveLength(1);
  expect(rejected).toContain("**Rejected**");
});

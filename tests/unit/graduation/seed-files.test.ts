import { parse } from "yaml";
import type { Entry } from "@/lib/entries";
import { seedFiles } from "@/lib/graduation/seed-files";

const entry: Entry = {
  slug: "fast-sync",
  title: "Fast sync",
  state: "super-draft",
  id: "",
  repo: "",
  proposedBy: "alice",
  proposedAt: "2026-01-01T00:00:00Z",
  graduatedAt: "",
  graduatedBy: "",
  owners: ["alice"],
  arbiters: ["carol"],
  tags: ["sync"],
  extra: {},
  body: "\n# Fast sync\n\nBody text.\n",
};

const input = {
  entry,
  rfcId: "RFC-0003",
  repo: "rfcs/rfc-0003-fast-sync",
  metaRepo: "rfcs/meta",
  entryPath: "rfcs/fast-sync.md",
  appUrl: "http://localhost:3000",
  giteaPublicUrl: "http://localhost:3001",
};

describe("§3 state 3 seed files", () => {
  const files = Object.fromEntries(seedFiles(input).map((f) => [f.path, f.content]));

  test("RFC.md is the super-draft body without its leading blank line", () => {
    expect(files["RFC.md"]).toBe("# Fast sync\n\nBody text.\n");
  });

  test("README.md names the RFC and links back to the app and the meta entry", () => {
    expect(files["README.md"]).toContain("# RFC-0003: Fast sync");
    expect(files["README.md"]).toContain("http://localhost:3000/rfcs/fast-sync");
    expect(files["README.md"]).toContain("http://localhost:3001/rfcs/meta/src/branch/main/rfcs/fast-sync.md");
  });

  test(".rfc/metadata.yaml holds id, slug, title, owners, arbiters, tags and the entry path", () => {
    expect(parse(files[".rfc/metadata.yaml"])).toEqual({
      id: "RFC-0003",
      slug: "fast-sync",
      title: "Fast sync",
      owners: ["alice"],
      arbiters: ["carol"],
      tags: ["sync"],
      meta_repo: "rfcs/meta",
      meta_entry: "rfcs/fast-sync.md",
    });
  });

  test("an empty body still gives RFC.md a title", () => {
    const [rfc] = seedFiles({ ...input, entry: { ...entry, body: "" } });
    expect(rfc.content).toBe("# Fast sync\n");
  });
});

import { parse } from "yaml";
import { db } from "@/lib/db/client";
import { parseEntry } from "@/lib/entries";
import { FORGE_PROFILES } from "@/tests/helpers/forge";
import { startGraduationFixture, type Fixture } from "./fixture";
import { graduateAndFollow } from "./http";

// §13.3 the five steps end to end against the forge, on each Gitea release
// (the graduation PR is opened right after its branch is pushed, so Gitea
// may still be checking it when the merge step comes: FACTS §7.2); §13.4
// chat carries over.

let fx: Fixture;

describe.each(FORGE_PROFILES)("Gitea %s", (gitea) => {
  beforeAll(async () => {
    fx = await startGraduationFixture({ forge: { gitea } });
  });
  afterAll(() => fx.close());

  const BODY = "# Fast sync\n\nWe sync **fast**.\n\n- one\n- two\n";

  test("a super-draft graduates: repo seeded, entry frontmatter-only, catalog active, chat kept", async () => {
    const slug = "fast-sync";
    const original = await fx.superDraft({ slug, title: "Fast sync", body: BODY, extra: { discussion: "https://example.test/x" } });
    const thread = await db().thread.create({
      data: { rfcSlug: slug, branch: "main", kind: "main", mainKey: `${slug}\nmain`, messages: { create: [{ authorKind: "user", body: "Before graduation" }] } },
    });
    const alice = await fx.cookie("alice");
    const before = (await fx.forgeRequests()).total;

    const { events, final, ms } = await graduateAndFollow(slug, { id: "RFC-0001", repo: "rfc-0001-fast-sync" }, alice);
    const requests = (await fx.forgeRequests()).total - before;
    console.log(`graduation took ${Math.round(ms)} ms and ${requests} forge requests`);

    expect(final.status).toBe("succeeded");
    expect(final.steps.map((s) => [s.key, s.status])).toEqual([
      ["create_repo", "done"],
      ["seed_files", "done"],
      ["open_pr", "done"],
      ["merge_pr", "done"],
      ["refresh_cache", "done"],
    ]);
    // Every step streamed running then done, after the first snapshot.
    expect(events[0].event).toBe("snapshot");
    const transitions = events.filter((e) => e.event === "step").map((e) => `${e.data.step!.key}:${e.data.step!.status}`);
    for (const key of ["create_repo", "seed_files", "open_pr", "merge_pr", "refresh_cache"]) {
      expect(transitions.indexOf(`${key}:done`)).toBeGreaterThan(transitions.indexOf(`${key}:running`));
    }

    // The new repo holds the three files (§3 state 3).
    const repo = `${fx.org()}/rfc-0001-fast-sync`;
    expect(await fx.file(repo, "RFC.md")).toBe(BODY);
    const readme = (await fx.file(repo, "README.md")) ?? "";
    expect(readme).toContain("# RFC-0001: Fast sync");
    expect(readme).toContain(`${process.env.NEXTAUTH_URL}/rfcs/${slug}`);
    expect(readme).toContain(`rfcs/meta/src/branch/main/rfcs/${slug}.md`);
    expect(parse((await fx.file(repo, ".rfc/metadata.yaml")) ?? "")).toEqual({
      id: "RFC-0001", slug, title: "Fast sync", owners: ["alice"], arbiters: ["carol"], tags: ["sync"],
      meta_repo: "rfcs/meta", meta_entry: `rfcs/${slug}.md`,
    });
    const [seed] = await fx.commits(repo);
    expect(seed.commit.message).toContain("On-behalf-of: alice <alice>");

    // The meta entry on main: frontmatter only, the new fields, every other line as it was.
    const entryText = (await fx.file("rfcs/meta", `rfcs/${slug}.md`)) ?? "";
    const parsed = parseEntry(entryText);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.entry).toMatchObject({ state: "active", id: "RFC-0001", repo, owners: ["alice"], arbiters: ["carol"], graduatedBy: "alice", body: "" });
    expect(Date.parse(parsed.entry.graduatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(entryText.endsWith("---\n")).toBe(true);
    const changed = /^(state|id|repo|graduated_at|graduated_by):/;
    const frontmatter = (t: string) => t.split("---\n")[1].split("\n");
    expect(frontmatter(entryText).filter((l) => !changed.test(l))).toEqual(frontmatter(original).filter((l) => !changed.test(l)));

    // The graduation PR was merged and its branch removed.
    // Gitea reports a deleted head branch as refs/pull/N/head; the label keeps the name.
    const pr = (await fx.pulls("all")).find((p) => p.head.label === `graduate/${slug}`);
    expect(pr).toMatchObject({ state: "closed", merged: true });
    const cachedPr = await db().cachedPr.findFirstOrThrow({ where: { rfcSlug: slug, kind: "graduation" } });
    expect(cachedPr).toMatchObject({ number: pr!.number, state: "merged", openedBy: "alice" });
    expect(await fx.branchExists("rfcs/meta", `graduate/${slug}`)).toBe(false);

    // The catalog (cache) shows it active with RFC.md as its body.
    const row = await db().cachedRfc.findUniqueOrThrow({ where: { slug } });
    expect(row).toMatchObject({ state: "active", rfcId: "RFC-0001", repo, body: BODY });

    // §13.4 the main thread and its messages are the same rows.
    const kept = await db().thread.findMany({ where: { rfcSlug: slug, branch: "main" }, include: { messages: true } });
    expect(kept.map((t) => t.id)).toEqual([thread.id]);
    expect(kept[0].messages.map((m) => m.body)).toEqual(["Before graduation"]);

    // Audit: start and complete rows, and every write on behalf of alice.
    const kinds = (await db().action.findMany({ where: { rfcSlug: slug }, orderBy: { id: "asc" } })).map((a) => `${a.kind}:${a.onBehalfOf}`);
    expect(kinds.filter((k) => k.startsWith("graduate"))).toEqual([
      "graduate_start:alice",
      "graduate_create_repo:alice",
      "graduate_seed:alice",
      "graduate_commit_entry:alice",
      "graduate_open_pr:alice",
      "graduate_merge_pr:alice",
      "graduate_complete:alice",
    ]);
    const stored = await db().graduation.findFirstOrThrow({ where: { slug } });
    expect(stored.status).toBe("succeeded");
  });
});

import { companionDescription, companionRepoName, looksLikeCompanion, parseCompanionDescription } from "@/lib/private/names";

// Companion repo names and the description marker the cache reads back (lib/private/names.ts).

describe("companion repo names", () => {
  it("names an active RFC's and a super-draft's companion after their home and the creator", () => {
    expect(companionRepoName({ kind: "rfc", slug: "retry", repo: "rfcs/rfc-0001-retry" }, "erin", "meta")).toBe("rfc-0001-retry--private-erin");
    expect(companionRepoName({ kind: "meta", slug: "cache-policy" }, "erin", "meta")).toBe("meta--cache-policy--private-erin");
  });

  it("stays within Gitea's 100 characters, distinct for distinct long slugs, and keeps the creator whole", () => {
    const login = "a".repeat(40);
    const long = (n: number) => companionRepoName({ kind: "meta", slug: `${"x".repeat(80)}-${n}` }, login, "meta");
    expect(long(1).length).toBeLessThanOrEqual(100);
    expect(long(1)).not.toBe(long(2));
    expect(long(1).endsWith(`--private-${login}`)).toBe(true);
    expect(looksLikeCompanion(`rfcs/${long(1)}`)).toBe(true);
  });

  it("tells companion repos from RFC repos by name", () => {
    expect(looksLikeCompanion("rfcs/rfc-0001-retry--private-erin")).toBe(true);
    expect(looksLikeCompanion("rfcs/rfc-0001-retry")).toBe(false);
    expect(looksLikeCompanion("rfcs/meta")).toBe(false);
  });
});

describe("the description marker", () => {
  it("round-trips slug, home and creator", () => {
    const facts = { slug: "cache-policy", home: "rfcs/meta", creator: "Erin.B" };
    expect(parseCompanionDescription(companionDescription(facts))).toEqual(facts);
  });

  it.each([null, undefined, "", "A private repo", "[quorum-private slug=x]"])("finds none in %p", (d) => {
    expect(parseCompanionDescription(d)).toBeNull();
  });
});

import { checkBranchName, displayNameOf, gitRefOf } from "@/lib/branches/names";

describe("branch names (§11)", () => {
  it.each(["fix-typos", "alice/retry_policy", "v1.2", "a", "x".repeat(64)])("accepts %s", (name) => {
    expect(checkBranchName(name)).toEqual({ ok: true });
  });

  it.each([
    ["", "empty"],
    ["x".repeat(65), "too long"],
    ["Fix", "uppercase"],
    ["with space", "space"],
    ["main", "main"],
    ["edit/x", "reserved edit/"],
    ["propose/x", "reserved propose/"],
    ["claim/x", "reserved claim/"],
    ["metadata/x", "reserved metadata/"],
    ["graduate/x", "reserved graduate/"],
    ["a..b", "double dot"],
    ["/a", "leading slash"],
    ["a/", "trailing slash"],
    ["a//b", "double slash"],
    ["a.lock", "ends .lock"],
    ["émile", "non-ascii"],
  ])("refuses %j (%s)", (name) => {
    expect(checkBranchName(name).ok).toBe(false);
  });

  it("maps display names to refs and back", () => {
    const meta = { kind: "meta", slug: "cache" } as const;
    const rfc = { kind: "rfc", slug: "cache", repo: "rfcs/rfc-0001-cache" } as const;
    expect(gitRefOf(meta, "fix")).toBe("edit/cache/fix");
    expect(gitRefOf(meta, "main")).toBe("main");
    expect(gitRefOf(rfc, "a/b")).toBe("a/b");
    expect(displayNameOf(meta, "edit/cache/a/b")).toBe("a/b");
    expect(displayNameOf(meta, "edit/other/a")).toBeNull();
    expect(displayNameOf(rfc, "a/b")).toBe("a/b");
  });
});

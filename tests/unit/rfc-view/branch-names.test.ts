import { branchNameLimit, checkBranchName, displayNameOf, gitRefOf, GITEA_MAX_BRANCH_NAME } from "@/lib/branches/names";
import { isStatusDue, STATUS_TTL_MS } from "@/lib/branches/status";

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
    ["quorum/update/x", "reserved quorum/ (Quorum's helper branches)"],
    ["a..b", "double dot"],
    ["/a", "leading slash"],
    ["a/", "trailing slash"],
    ["a//b", "double slash"],
    ["a.lock", "ends .lock"],
    ["émile", "non-ascii"],
  ])("refuses %j (%s)", (name) => {
    expect(checkBranchName(name).ok).toBe(false);
  });

  it("every stored name fits Gitea's 100 characters: a super-draft's name gets what edit/<slug>/ leaves (FACTS §7.4)", () => {
    const longest = "s".repeat(64); // MAX_SLUG
    const limit = branchNameLimit({ kind: "meta", slug: longest });
    expect(limit.max).toBe(GITEA_MAX_BRANCH_NAME - `edit/${longest}/`.length); // 30
    expect(gitRefOf({ kind: "meta", slug: longest }, "n".repeat(limit.max))).toHaveLength(GITEA_MAX_BRANCH_NAME);
    expect(checkBranchName("n".repeat(limit.max), limit)).toEqual({ ok: true });
    const over = checkBranchName("n".repeat(limit.max + 1), limit);
    expect(over).toEqual({ ok: false, reason: expect.stringMatching(/^At most 30 characters here: Git stores it as edit\/s+\/<name>, and Gitea takes 100 characters at most$/) });
    // A short slug leaves §11's 64; an active RFC's branch is its name as is.
    expect(branchNameLimit({ kind: "meta", slug: "cache" })).toEqual({ max: 64, why: null });
    expect(branchNameLimit({ kind: "rfc", slug: longest })).toEqual({ max: 64, why: null });
  });

  it("maps display names to refs and back", () => {
    const meta = { kind: "meta", slug: "cache" } as const;
    const rfc = { kind: "rfc", slug: "cache", repo: "rfcs/rfc-0001-cache" } as const;
    expect(gitRefOf(meta, "fix")).toBe("edit/cache/fix");
    expect(gitRefOf(meta, "main")).toBe("main");
    expect(gitRefOf(rfc, "a/b")).toBe("a/b");
    expect(displayNameOf(meta, "edit/cache/a/b")).toBe("a/b");
    expect(displayNameOf(meta, "edit/other/a")).toBeNull();
    expect(displayNameOf({ kind: "rfc", slug: "cache", repo: "rfcs/rfc-0001-cache" }, "quorum/update/abc")).toBeNull();
    expect(displayNameOf(rfc, "a/b")).toBe("a/b");
  });
});

describe("branch status refresh (§9)", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it.each([
    { name: "never computed", row: { statusStale: false, statusAt: null, backoffUntil: null }, due: true },
    { name: "marked stale by a push", row: { statusStale: true, statusAt: ago(1000), backoffUntil: null }, due: true },
    { name: "fresh", row: { statusStale: false, statusAt: ago(STATUS_TTL_MS - 1000), backoffUntil: null }, due: false },
    { name: "older than 120 s", row: { statusStale: false, statusAt: ago(STATUS_TTL_MS), backoffUntil: null }, due: true },
    { name: "backing off after an error", row: { statusStale: true, statusAt: null, backoffUntil: new Date(now.getTime() + 1000) }, due: false },
  ])("is due when $name: $due", ({ row, due }) => {
    expect(isStatusDue(row, now)).toBe(due);
  });
});

import { CHECK_WINDOW_MS, decideMergeState, isWorkInProgress, type MergeInput } from "@/lib/prs/merge-state";

// Whether an open PR can merge, from Gitea's `mergeable` (FACTS §7.2, §7.6):
// a false is "checking" until it outlives the window for the same head and
// base, then "conflicts"; a WIP title is "wip" whatever Gitea checked.

const open = (over: Partial<MergeInput> = {}): MergeInput => ({ state: "open", mergeable: false, title: "Clarify", headSha: "h1", baseSha: "b1", ...over });
const at = (ms: number) => new Date(Date.UTC(2025, 0, 1) + ms);

describe("merge state", () => {
  it("true is mergeable; closed and merged PRs have no merge state", () => {
    expect(decideMergeState(open({ mergeable: true }), null)).toEqual({ mergeable: true, mergeState: "mergeable", mergeCheckKey: null, mergeCheckSince: null });
    expect(decideMergeState(open({ state: "merged", mergeable: false }), null)).toMatchObject({ mergeState: null, mergeable: false });
    expect(decideMergeState(open({ state: "closed" }), null).mergeState).toBeNull();
  });

  it("a first false is checking, stored as mergeable null, never as conflicts", () => {
    expect(decideMergeState(open(), null, at(0))).toEqual({ mergeable: null, mergeState: "checking", mergeCheckKey: "h1:b1", mergeCheckSince: at(0) });
  });

  it("a false that lasts the window for the same head and base becomes conflicts, and stays so", () => {
    const first = decideMergeState(open(), null, at(0));
    const still = decideMergeState(open(), first, at(CHECK_WINDOW_MS - 1));
    expect(still).toMatchObject({ mergeState: "checking", mergeCheckSince: at(0) });
    const decided = decideMergeState(open(), still, at(CHECK_WINDOW_MS));
    expect(decided).toMatchObject({ mergeable: false, mergeState: "conflicts" });
    expect(decideMergeState(open(), decided, at(CHECK_WINDOW_MS + 5)).mergeState).toBe("conflicts");
  });

  it("a push to the branch or to main starts a new check", () => {
    const decided = decideMergeState(open(), decideMergeState(open(), null, at(0)), at(CHECK_WINDOW_MS));
    expect(decideMergeState(open({ headSha: "h2" }), decided, at(CHECK_WINDOW_MS + 1))).toMatchObject({ mergeState: "checking", mergeCheckKey: "h2:b1" });
    expect(decideMergeState(open({ baseSha: "b2" }), decided, at(CHECK_WINDOW_MS + 1))).toMatchObject({ mergeState: "checking", mergeCheckKey: "h1:b2" });
    // Mergeable, then false again for the same pair (Gitea re-checking): checking from now.
    const ok = decideMergeState(open({ mergeable: true }), decided);
    expect(decideMergeState(open(), ok, at(CHECK_WINDOW_MS * 3))).toMatchObject({ mergeState: "checking", mergeCheckSince: at(CHECK_WINDOW_MS * 3) });
  });

  it.each(["WIP: first cut", "wip: lower case", "[WIP] bracket", "[wip] lower"])("%j is work in progress, whatever Gitea says", (title) => {
    expect(isWorkInProgress(title)).toBe(true);
    expect(decideMergeState(open({ title, mergeable: true }), null)).toMatchObject({ mergeState: "wip", mergeable: false });
  });

  it.each(["Wipe the cache", "A WIP: later", "WIP without colon"])("%j is not", (title) => {
    expect(isWorkInProgress(title)).toBe(false);
  });
});

import { rereadBy, skipNotesAfter } from "@/lib/cache/skipped-rows";

// Issue 12: a PR skipped as unstorable stays on /api/health until a refresh
// that re-read that PR stores it or skips it again; a refresh of branches
// alone, or of other PRs, says nothing about it.

const bad = "rfcs/rfc-0001 PR #7 skipped: title contains a lone surrogate";
const other = "rfcs/rfc-0001 PR #9 skipped: body contains a lone surrogate";

test("a refresh that did not read the skipped PR keeps its note", () => {
  expect(skipNotesAfter(bad, [], rereadBy({}))).toEqual([bad]);
  expect(skipNotesAfter(bad, [], rereadBy({ pulls: [8] }))).toEqual([bad]);
});

test("a refresh that re-read the PR replaces its note with what it found", () => {
  expect(skipNotesAfter(bad, [], rereadBy({ allPulls: true }))).toEqual([]);
  expect(skipNotesAfter(bad, [], rereadBy({ openPulls: true }))).toEqual([]);
  expect(skipNotesAfter(bad, [], rereadBy({ pulls: [7] }))).toEqual([]);
  expect(skipNotesAfter(bad, [bad], rereadBy({ pulls: [7] }))).toEqual([bad]);
});

test("notes of several PRs are kept or dropped one by one, and an earlier failure is not a note", () => {
  expect(skipNotesAfter(`${bad}; ${other}`, [], rereadBy({ pulls: [9] }))).toEqual([bad]);
  expect(skipNotesAfter("Gitea answered 500", [], rereadBy({}))).toEqual([]);
  expect(skipNotesAfter(null, [other], rereadBy({}))).toEqual([other]);
});

import { editsOf } from "./merge-blocks";

// Whether Git's own three-way merge of a text (line by line, as Gitea merges
// a pull request) would go through. Git refuses two different edits that
// overlap or touch — neighbouring lines included — where the block merge
// (merge-blocks.ts) takes edits of neighbouring blocks. Update from main
// (lib/branches/update-from-main.ts) asks this to choose between letting
// Gitea merge as is and bringing both sides to the merged text first.
// A prediction: should Git still refuse, the caller falls back.

const lines = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

export function gitMergesCleanly(base: string, ours: string, theirs: string): boolean {
  if (ours === base || theirs === base || ours === theirs) return true;
  const b = lines(base);
  const mine = editsOf(b, lines(ours), 0);
  const their = editsOf(b, lines(theirs), 1);
  return !mine.some((m) =>
    their.some((t) => {
      const same = m.start === t.start && m.end === t.end && m.blocks.join("") === t.blocks.join("");
      return !same && m.start <= t.end && t.start <= m.end;
    }),
  );
}

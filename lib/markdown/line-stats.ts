import { diffArrays } from "diff";

/** Lines added and removed between two texts (§8.11: "+N −M lines" in the manual-edit message). */
export function changedLineStats(before: string, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  if (before === after) return { added, removed };
  for (const change of diffArrays(splitLines(before), splitLines(after))) {
    const count = change.count ?? change.value.length;
    if (change.added) added += count;
    else if (change.removed) removed += count;
  }
  return { added, removed };
}

/** Lines of `text`; a final line end does not start another (empty) line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

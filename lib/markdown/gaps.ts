import type { Eol } from "./eol";

/** A block's text in the output; `orig` is its index among the source's blocks (absent for new blocks). */
export interface Slot {
  text: string;
  orig?: number;
}

const hasContent = (gap: string) => gap.trim() !== "";
const endsBlank = (text: string) => /\n[ \t]*\r?\n[ \t]*$/.test(text);

/** Make sure a gap starts with a blank line, so the blocks around it stay apart. */
function blankBefore(gap: string, eol: Eol): string {
  if (/^[ \t]*\r?\n[ \t]*\r?\n/.test(gap)) return gap;
  if (/^[ \t]*\r?\n/.test(gap)) return eol + gap;
  return eol + eol + gap;
}

/**
 * The gap between two output blocks that were not neighbours in the source.
 * `run` holds the source gaps that lay between them. Gaps that carry content
 * (link definitions) are all kept; otherwise one blank gap is kept: the first
 * (after the previous block) in the middle, the last one (the file's end) at
 * the end.
 */
function mergeRun(run: string[], where: "start" | "middle" | "end", eol: Eol): string {
  // Kept content gaps are joined with one blank line between them.
  const content = run
    .filter(hasContent)
    .reduce((acc, gap) => (acc ? `${acc.replace(/\s+$/, "")}${eol}${eol}${gap.replace(/^\s*\n/, "")}` : gap), "");
  if (where === "end") {
    const last = run.length ? run[run.length - 1] : eol;
    if (!content) return last;
    // The kept content, then the file's own ending (final newline or none).
    return blankBefore(content.replace(/\s+$/, ""), eol) + (/\s*$/.exec(last)?.[0] ?? "");
  }
  const gap = content || run[0] || "";
  const tail = content && !endsBlank(gap) ? eol : "";
  return (where === "middle" ? blankBefore(gap, eol) : gap) + tail;
}

/**
 * Decides the gap between two blocks that were not neighbours in the source:
 * Markdown joins some neighbours (two lists, two indented code blocks), and
 * `apart` may add a separator between them.
 */
export type Apart = (before: string, gap: string, after: string) => string;

/**
 * Join output blocks with the source's own gaps wherever two blocks were
 * neighbours in the source, so unchanged stretches keep their bytes (§8).
 */
export function assemble(gaps: string[], slots: Slot[], eol: Eol, apart: Apart = (_b, gap) => gap): string {
  let out = "";
  let next = 0; // first source gap not yet written
  let prev: string | null = null; // the last block written
  let adjacent = true; // no new block since the last source block
  const write = (gap: string, text: string, natural: boolean) => {
    out += (prev === null || natural ? gap : apart(prev, gap, text)) + text;
    prev = text;
  };
  for (const slot of slots) {
    if (slot.orig === undefined) {
      if (prev === null) {
        out += gaps[0]; // what leads the file stays first
        next = 1;
        write("", slot.text, true);
      } else write(eol + eol, slot.text, false);
      adjacent = false;
      continue;
    }
    const run = gaps.slice(next, slot.orig + 1);
    const natural = adjacent && run.length === 1;
    write(natural ? run[0] : mergeRun(run, prev === null ? "start" : "middle", eol), slot.text, natural);
    next = slot.orig + 1;
    adjacent = true;
  }
  const tail = gaps.slice(next);
  return out + (adjacent && tail.length === 1 ? tail[0] : mergeRun(tail, "end", eol));
}

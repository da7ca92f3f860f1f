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
  const content = run.filter(hasContent).join("");
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
 * Join output blocks with the source's own gaps wherever two blocks were
 * neighbours in the source, so unchanged stretches keep their bytes (§8).
 */
export function assemble(gaps: string[], slots: Slot[], eol: Eol): string {
  let out = "";
  let next = 0; // first source gap not yet written
  let emitted = false;
  let adjacent = true; // no new block since the last source block
  for (const slot of slots) {
    if (slot.orig === undefined) {
      if (!emitted) {
        out += gaps[0]; // keep what leads the file (e.g. a comment-less preamble of blank lines)
        next = 1;
      }
      out += (emitted ? eol + eol : "") + slot.text;
      emitted = true;
      adjacent = false;
      continue;
    }
    const run = gaps.slice(next, slot.orig + 1);
    out += adjacent && run.length === 1 ? run[0] : mergeRun(run, emitted ? "middle" : "start", eol);
    out += slot.text;
    next = slot.orig + 1;
    emitted = true;
    adjacent = true;
  }
  const tail = gaps.slice(next);
  out += adjacent && tail.length === 1 ? tail[0] : mergeRun(tail, "end", eol);
  return out;
}

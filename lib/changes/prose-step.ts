import { emitText, type ParserState, scanBlockStart, startBlock } from "./parser-state";
import { blockFields } from "./block";
import { type Fence, scanClosingFence, scanFenceLine, scanTag, skipSpace } from "./tags";

// Prose steps of the change parser. Each step consumes a prefix of st.buf and
// returns true, or returns false when it cannot decide without more input.

const PROTOCOL_TAGS = ["change", ...blockFields];

const isHighSurrogate = (c: string) => c >= "\ud800" && c <= "\udbff";

/** Emit prose up to the next possible block start, or open the block. */
export function proseStep(st: ParserState, final: boolean): boolean {
  const s = st.buf;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (st.lineStart && (c === " " || c === "`" || c === "~")) {
      // A fence line directly before a block is dropped with the block's fences.
      const fence = scanFenceLine(s, i, final);
      if (fence.kind === "partial") break;
      if (fence.kind === "match") {
        const at = skipSpace(s, fence.end);
        const start = at < s.length ? scanBlockStart(s, at, final) : final ? null : "partial";
        if (start === "partial" || start?.kind === "partial") break;
        if (start?.kind === "match") {
          emitText(st, s.slice(0, i));
          st.buf = s.slice(at);
          startBlock(st, 0, start.end - at, fence.value);
          return true;
        }
        i = fence.end; // a fence that wraps no block is prose
        st.ticks = 0;
        st.lineStart = s[i - 1] === "\n";
        continue;
      }
    }
    if (c === "<" && st.ticks % 2 === 0) {
      const start = scanBlockStart(s, i, final);
      if (start.kind === "partial") break;
      if (start.kind === "match") {
        emitText(st, s.slice(0, i));
        startBlock(st, i, start.end, null);
        return true;
      }
      // A protocol tag that starts no block (a stray `</change>`, a lone
      // `<original>`) is dropped: no protocol tag ever shows as prose.
      const stray = scanTag(s, i, PROTOCOL_TAGS, final);
      if (stray.kind === "partial") break;
      if (stray.kind === "match") {
        emitText(st, s.slice(0, i));
        st.buf = s.slice(stray.end);
        return true;
      }
    }
    // Never end a text event between the two halves of a surrogate pair.
    if (!final && i === s.length - 1 && isHighSurrogate(c)) break;
    if (c === "`") st.ticks++;
    st.lineStart = c === "\n";
    if (st.lineStart) st.ticks = 0;
    i++;
  }
  if (i === 0) return false;
  emitText(st, s.slice(0, i));
  st.buf = s.slice(i);
  return true;
}

/** After a fenced block: another block in the same fence, the closing fence, or prose. */
export function afterFenceStep(st: ParserState, fence: Fence, final: boolean): boolean {
  const s = st.buf;
  const j = skipSpace(s, 0);
  if (j >= s.length && !final) return false;
  if (s[j] === "<") {
    const start = scanBlockStart(s, j, final);
    if (start.kind === "partial") return false;
    if (start.kind === "match") {
      startBlock(st, j, start.end, fence);
      return true;
    }
  } else if (s[j] === fence.char) {
    const close = scanClosingFence(s, j, fence, final);
    if (close.kind === "partial") return false;
    if (close.kind === "match") {
      st.buf = s.slice(close.end);
      st.mode = { kind: "prose" };
      st.lineStart = true;
      return true;
    }
  }
  st.mode = { kind: "prose" }; // the fence held more than blocks: leave it be
  return true;
}

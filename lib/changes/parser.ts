import { blockFields, type BlockState, type Field, finishBlock, closeField, openField } from "./block";
import { type Fence, type Scan, scanClosingFence, scanFenceLine, scanTag, skipSpace } from "./tags";

// §18 change protocol: an incremental parser for AI replies.
//
// Events come in reply order, and that order is the card's position: a
// `change` (or `malformed`) event sits between the text before and after its
// block, so the UI renders text, card, text. Nothing is ever taken back:
// text is emitted only once it cannot turn out to be part of a block, and a
// block is emitted once, complete. Splitting the input differently changes
// only how text is cut into `text` events (see mergeTextEvents).
//
// Rules (the tests in tests/unit/changes/parser.test.ts pin each one):
// - A block starts at `<change …>` only when, after whitespace, a child tag
//   (`<original>`, `<proposed>`, `<reason>`) follows. Otherwise `<change>` is
//   prose, as are child or closing tags outside a block and anything inside
//   an inline code span (odd number of backticks earlier on the line).
// - Inside `<original>`/`<proposed>` text is verbatim up to the matching
//   closing tag; exactly one tag line break is stripped at each end.
// - `<reason>` also ends at `</change>` or a blank line (a missing `</reason>`).
// - A block ends at `</change>`, or — if the model forgot it — at the first
//   thing after a child element that is not a child tag; what follows is prose.
// - A block missing `<original>` or `<proposed>`, with a duplicate child, or
//   unterminated at end() is a `malformed` event carrying its raw text.
// - Code fences (```xml … ```, ~~~) directly around blocks are dropped.

export type TextEvent = { type: "text"; text: string };
export type ChangeEvent = { type: "change"; index: number; original: string; proposed: string; reason: string };
export type MalformedEvent = { type: "malformed"; index: number; raw: string; reason: string };
export type ParseEvent = TextEvent | ChangeEvent | MalformedEvent;

export type ChangeStreamParser = { push(chunk: string): ParseEvent[]; end(): ParseEvent[] };

type Mode = { kind: "prose" } | { kind: "block"; block: BlockState } | { kind: "after-fence"; fence: Fence };

const NO = { kind: "no" } as const;
const STRAY = "text outside the child tags";
const isHighSurrogate = (c: string) => c >= "\ud800" && c <= "\udbff";

/** `<change …>` followed by whitespace and a child tag, at `s[i]`. */
function scanBlockStart(s: string, i: number, final: boolean): Scan<null> {
  if (s[i] !== "<") return NO;
  const open = scanTag(s, i, ["change"], final);
  if (open.kind !== "match") return open;
  if (open.value.closing || open.value.selfClosing) return NO;
  const j = skipSpace(s, open.end);
  if (j >= s.length) return final ? NO : { kind: "partial" };
  const child = scanTag(s, j, blockFields, final);
  if (child.kind !== "match") return child;
  return child.value.closing ? NO : { kind: "match", value: null, end: open.end };
}

export function createChangeStreamParser(): ChangeStreamParser {
  let buf = "";
  let mode: Mode = { kind: "prose" };
  let lineStart = true; // prose context: at the start of a line…
  let ticks = 0; // …and how many backticks so far on it
  let blocks = 0;
  let out: ParseEvent[] = [];

  const emitText = (text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.type === "text") last.text += text;
    else out.push({ type: "text", text });
  };

  const startBlock = (start: number, end: number, fence: Fence | null) => {
    const block: BlockState = { index: blocks++, raw: buf.slice(start, end), fence, fields: {}, problems: [], field: null };
    buf = buf.slice(end);
    mode = { kind: "block", block };
  };

  const endBlock = (block: BlockState, closed: boolean) => {
    out.push(finishBlock(block, closed));
    mode = block.fence ? { kind: "after-fence", fence: block.fence } : { kind: "prose" };
    lineStart = block.raw.endsWith("\n");
    ticks = 0;
  };

  function prose(final: boolean): boolean {
    const s = buf;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (lineStart && (c === " " || c === "`" || c === "~")) {
        const fence = scanFenceLine(s, i, final);
        if (fence.kind === "partial") break;
        if (fence.kind === "match") {
          const at = skipSpace(s, fence.end);
          const start = at < s.length ? scanBlockStart(s, at, final) : final ? NO : { kind: "partial" as const };
          if (start.kind === "partial") break;
          if (start.kind === "match") {
            emitText(s.slice(0, i));
            buf = s.slice(at);
            startBlock(0, start.end - at, fence.value);
            return true;
          }
          i = fence.end; // a fence that wraps no block is prose
          ticks = 0;
          lineStart = s[i - 1] === "\n";
          continue;
        }
      }
      if (c === "<" && ticks % 2 === 0) {
        const start = scanBlockStart(s, i, final);
        if (start.kind === "partial") break;
        if (start.kind === "match") {
          emitText(s.slice(0, i));
          startBlock(i, start.end, null);
          return true;
        }
      }
      // Never end a text event between the two halves of a surrogate pair.
      if (!final && i === s.length - 1 && isHighSurrogate(c)) break;
      if (c === "`") ticks++;
      lineStart = c === "\n";
      if (lineStart) ticks = 0;
      i++;
    }
    if (i === 0) return false;
    emitText(s.slice(0, i));
    buf = s.slice(i);
    return true;
  }

  function between(block: BlockState, final: boolean): boolean {
    const j = skipSpace(buf, 0);
    if (j >= buf.length) return false; // only whitespace so far: wait (end() decides)
    if (buf[j] === "<") {
      const tag = scanTag(buf, j, ["change", ...blockFields], final);
      const next = scanBlockStart(buf, j, final);
      if (tag.kind === "partial" || next.kind === "partial") return false;
      if (tag.kind === "match" && tag.value.name === "change" && tag.value.closing) {
        block.raw += buf.slice(0, tag.end);
        buf = buf.slice(tag.end);
        endBlock(block, true);
        return true;
      }
      if (tag.kind === "match" && tag.value.name !== "change" && !tag.value.closing) {
        block.raw += buf.slice(0, tag.end);
        buf = buf.slice(tag.end);
        openField(block, tag.value.name as Field, tag.value.selfClosing);
        return true;
      }
      if (next.kind === "match") {
        endBlock(block, false); // a new block starts: </change> was forgotten
        return true;
      }
    }
    if (block.fields.original !== undefined && block.fields.proposed !== undefined) {
      endBlock(block, false); // complete, and prose follows: </change> was forgotten
      return true;
    }
    // An incomplete block keeps reading to </change>, so its raw text stays together.
    const stop = buf.indexOf("<", j + 1);
    const stray = stop < 0 ? buf.length : stop;
    if (!block.problems.includes(STRAY)) block.problems.push(STRAY);
    block.raw += buf.slice(0, stray);
    buf = buf.slice(stray);
    return true;
  }

  function field(block: BlockState, open: { name: Field; content: string }, final: boolean): boolean {
    const s = buf;
    const name = open.name;
    const enders = name === "reason" ? ["reason", "change"] : [name];
    let i = 0;
    for (; i < s.length; i++) {
      if (s[i] === "<") {
        const tag = scanTag(s, i, enders, final);
        if (tag.kind === "partial") break;
        if (tag.kind === "match" && tag.value.closing) {
          closeField(block, s.slice(0, i));
          block.raw += s.slice(0, tag.end);
          buf = s.slice(tag.end);
          if (tag.value.name === "change") endBlock(block, true);
          return true;
        }
      } else if (s[i] === "\n" && name === "reason") {
        // A reason with neither </reason> nor </change> ends at a blank line.
        let k = i + 1;
        while (k < s.length && (s[k] === " " || s[k] === "\t" || s[k] === "\r")) k++;
        if (k >= s.length && !final) break;
        if (s[k] === "\n") {
          closeField(block, s.slice(0, i));
          block.raw += s.slice(0, i);
          buf = s.slice(i);
          return true;
        }
      }
    }
    if (i === 0) return false;
    open.content += s.slice(0, i);
    block.raw += s.slice(0, i);
    buf = s.slice(i);
    return true;
  }

  function afterFence(fence: Fence, final: boolean): boolean {
    const j = skipSpace(buf, 0);
    if (j >= buf.length && !final) return false;
    if (buf[j] === "<") {
      const start = scanBlockStart(buf, j, final);
      if (start.kind === "partial") return false;
      if (start.kind === "match") {
        startBlock(j, start.end, fence); // another block inside the same fence
        return true;
      }
    } else if (buf[j] === fence.char) {
      const close = scanClosingFence(buf, j, fence, final);
      if (close.kind === "partial") return false;
      if (close.kind === "match") {
        buf = buf.slice(close.end);
        mode = { kind: "prose" };
        lineStart = true;
        return true;
      }
    }
    mode = { kind: "prose" }; // the fence held more than blocks: leave it be
    return true;
  }

  function step(final: boolean): boolean {
    if (mode.kind === "after-fence") return afterFence(mode.fence, final);
    if (buf.length === 0) return false;
    if (mode.kind === "prose") return prose(final);
    const block = mode.block;
    return block.field ? field(block, block.field, final) : between(block, final);
  }

  function drain(final: boolean): ParseEvent[] {
    while (step(final));
    const events = out;
    out = [];
    return events;
  }

  return {
    push(chunk: string) {
      buf += chunk;
      return drain(false);
    },
    end() {
      for (;;) {
        while (step(true));
        if (mode.kind !== "block") break;
        // Input is over inside a block: a reason may simply stop, anything else
        // is unterminated and reported with its raw text.
        const block = mode.block;
        if (block.field?.name === "reason") closeField(block, "");
        else if (block.field) {
          block.raw += buf;
          buf = "";
          block.problems.push(`unterminated <${block.field.name}>`);
          block.field = null;
        }
        endBlock(block, false);
      }
      return drain(true);
    },
  };
}

/** Parse a complete reply (not streamed). */
export function parseChangeReply(full: string): ParseEvent[] {
  const parser = createChangeStreamParser();
  return [...parser.push(full), ...parser.end()];
}

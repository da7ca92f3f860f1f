import { type BlockState, blockFields, finishBlock } from "./block";
import type { ParseEvent } from "./events";
import { type Fence, type Scan, scanTag, skipSpace } from "./tags";

// The change parser's state, shared by its prose and block steps. `buf` holds
// only input that is not decided yet; everything before it is already emitted
// or inside the open block's `raw`.

export type Mode = { kind: "prose" } | { kind: "block"; block: BlockState } | { kind: "after-fence"; fence: Fence };

export type ParserState = {
  buf: string;
  mode: Mode;
  /** Prose context at buf[0]: at the start of a line… */
  lineStart: boolean;
  /** …and how many backticks so far on that line (odd: inside inline code). */
  ticks: number;
  blocks: number;
  out: ParseEvent[];
};

export const newParserState = (): ParserState => ({ buf: "", mode: { kind: "prose" }, lineStart: true, ticks: 0, blocks: 0, out: [] });

const NO = { kind: "no" } as const;

/** `<change …>` followed by whitespace and a child tag, at `s[i]` (§18 block start). */
export function scanBlockStart(s: string, i: number, final: boolean): Scan<null> {
  const open = scanTag(s, i, ["change"], final);
  if (open.kind !== "match") return open;
  if (open.value.closing || open.value.selfClosing) return NO;
  const j = skipSpace(s, open.end);
  if (j >= s.length) return final ? NO : { kind: "partial" };
  const child = scanTag(s, j, blockFields, final);
  if (child.kind !== "match") return child;
  return child.value.closing ? NO : { kind: "match", value: null, end: open.end };
}

export function emitText(st: ParserState, text: string): void {
  if (!text) return;
  const last = st.out[st.out.length - 1];
  if (last?.type === "text") last.text += text;
  else st.out.push({ type: "text", text });
}

/** Open a block whose `<change …>` tag is buf[start, end). */
export function startBlock(st: ParserState, start: number, end: number, fence: Fence | null): void {
  const block: BlockState = { index: st.blocks++, raw: st.buf.slice(start, end), fence, fields: {}, problems: [], field: null };
  st.buf = st.buf.slice(end);
  st.mode = { kind: "block", block };
}

export function endBlock(st: ParserState, block: BlockState, closed: boolean): void {
  st.out.push(finishBlock(block, closed));
  st.mode = block.fence ? { kind: "after-fence", fence: block.fence } : { kind: "prose" };
  st.lineStart = block.raw.endsWith("\n");
  st.ticks = 0;
}

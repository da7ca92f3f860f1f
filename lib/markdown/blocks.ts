import type { JSONContent } from "@tiptap/core";
import { type Eol, dominantEol, toLf } from "./eol";
import { type MarkdownParser, createParser } from "./parser";
import { isSpacing, topLevelTokens } from "./top-level";

/** One top-level block of the source that shows in the editor as one top-level node. */
export interface SourceBlock {
  /** Byte range in the original source: the block's own lines, without the blank lines after it. */
  start: number;
  end: number;
  /** The block's text with LF line ends (what the parser and splicer work on). */
  text: string;
  /** Line end used inside this block. */
  eol: Eol;
  /** The editor node it parses to (normalised JSON) and its comparison key. */
  node: JSONContent;
  key: string;
}

/** The source cut into blocks and the gaps between them (blank lines, link definitions). */
export interface BlockSplit {
  blocks: SourceBlock[];
  /** gaps[i] precedes blocks[i]; gaps[blocks.length] is the tail. Concatenation = source. */
  gaps: string[];
}

// A block's raw text from marked may carry the blank lines after it; those
// belong to the gap so that a block's text is exactly its own lines.
const TRAILING_BLANK = /(?:\n[ \t]*)+$/;
// HTML comments render as nothing (on Gitea too), so the editor does not show them either.
const COMMENTS_ONLY = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

/** Markdown has no empty paragraphs; the editor's are not saved, and `[]()` shows as nothing. */
export const isEmptyParagraph = (n: JSONContent) => n.type === "paragraph" && !n.content?.length;

export function nodeKey(node: JSONContent): string {
  return JSON.stringify(node);
}

/** Builds a split block by block, in source order: each gap is the source between two blocks. */
function splitBuilder(source: string) {
  const docEol = dominantEol(source);
  const split: BlockSplit = { blocks: [], gaps: [] };
  let gapStart = 0; // source offset where the current gap began
  return {
    /** Where the next block may start. */
    next: () => gapStart,
    add(start: number, end: number, text: string, node: JSONContent) {
      split.gaps.push(source.slice(gapStart, start));
      split.blocks.push({ start, end, text, eol: source.slice(start, end).includes("\r\n") ? "\r\n" : docEol, node, key: nodeKey(node) });
      gapStart = end;
    },
    done(): BlockSplit {
      split.gaps.push(source.slice(gapStart));
      return split;
    },
  };
}

export function splitBlocks(source: string, parser: MarkdownParser = createParser()): BlockSplit {
  const { tokens, lf } = topLevelTokens(source, (text) => parser.lex(text)); // the one splitter (top-level.ts)
  const split = splitBuilder(source);
  for (const { token, start, lfStart } of tokens) {
    const text = token.raw.replace(TRAILING_BLANK, "");
    const hidden = isSpacing(token) || !text || (token.type === "html" && COMMENTS_ONLY.test(text));
    // The token the document was lexed into, not its text lexed again (parser.ts parseToken).
    const parsed = hidden ? [] : parser.parseToken(token);
    // Link definitions, comments, blank lines and blocks with nothing to show stay in the gap.
    const nodes = parsed.length === 1 && isEmptyParagraph(parsed[0]) ? [] : parsed;
    if (nodes.length > 0) {
      // With the extensions of extensions.ts every visible token is exactly one
      // node (corpus test); anything else is shown as read-only source.
      split.add(start, lf.toSource(lfStart + text.length), text, nodes.length === 1 ? nodes[0] : { type: "htmlBlock", attrs: { html: text } });
    }
  }
  return split.done();
}

/**
 * A block as the server sends it with a document (GET …/document?editor=1):
 * where it sits in the source and the node it parses to. The rest of a
 * SourceBlock follows from the source (splitFromBlocks).
 */
export type EditorBlock = { start: number; end: number; node: JSONContent };

/** The blocks of `source` as the server sends them (what splitBlocks finds). */
export const editorBlocksOf = (source: string): EditorBlock[] => splitBlocks(source).blocks.map(({ start, end, node }) => ({ start, end, node }));

/**
 * The split of `source` from its blocks as splitBlocks found them (on the
 * server, issue 15: the browser need not parse an 86 KB document again before
 * it is editable). Null when the blocks cannot be this source's: out of order,
 * outside it, or empty.
 */
export function splitFromBlocks(source: string, editorBlocks: EditorBlock[]): BlockSplit | null {
  const split = splitBuilder(source);
  for (const { start, end, node } of editorBlocks) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < split.next() || end <= start || end > source.length || !node?.type) return null;
    split.add(start, end, toLf(source.slice(start, end)).text, node);
  }
  return split.done();
}

/** Source range of top-level block `index` (= the editor's top-level node index). Lines are 1-based, inclusive. */
export interface BlockRange {
  index: number;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

export function blockRanges(source: string): BlockRange[] {
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  return splitBlocks(source).blocks.map((b, index) => ({
    index,
    start: b.start,
    end: b.end,
    startLine: lineOf(b.start),
    endLine: lineOf(Math.max(b.start, b.end - 1)),
  }));
}

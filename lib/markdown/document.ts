import type { JSONContent } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { alignSequences } from "./align";
import { type BlockSplit, type EditorBlock, isEmptyParagraph, nodeKey, splitBlocks, splitFromBlocks } from "./blocks";
import { type Eol, dominantEol, replaceKeepingEol, toLf, withEol } from "./eol";
import { markdownSchema } from "./extensions";
import { assemble } from "./gaps";
import { createParser, type MarkdownParser } from "./parser";
import { nodeSimilarity } from "./similarity";
import { type SpliceKind, spliceBlock } from "./splice-block";

/** What a save did to each top-level block (for reports and tests). */
export interface SaveReport {
  kept: number;
  deleted: number;
  inserted: number;
  modified: SpliceKind[];
}

export interface MarkdownDocument {
  /** The source the document was loaded from. */
  readonly source: string;
  /** The editor document (tiptap JSON); top-level node i is `blocks[i]`. */
  readonly doc: JSONContent;
  /** Top-level blocks and the gaps between them. */
  readonly split: BlockSplit;
  /**
   * Markdown of an edited `doc` (tiptap JSON, or the editor's ProseMirror doc,
   * which is faster: unchanged nodes are not serialised again). Unchanged
   * blocks keep their bytes, edited ones change minimally (§8).
   */
  save(edited: JSONContent | PmNode): string;
  /** `save` plus what it did per block. */
  saveWithReport(edited: JSONContent | PmNode): { markdown: string; report: SaveReport };
  /**
   * Makes ready what a save needs, so the first save costs what the next do:
   * for a document loaded from the server's blocks, the parser and the
   * source's link definitions (a save does it itself otherwise).
   */
  prepareSave(): void;
}

// ProseMirror nodes are immutable and an edit keeps every untouched node, so
// each top-level node's JSON and key are computed once per node, not per keystroke.
const pmCache = new WeakMap<PmNode, { json: JSONContent; key: string }>();

/** The edited top-level nodes as normalised JSON with their keys (empty paragraphs dropped). */
function topLevelNodes(edited: JSONContent | PmNode): Array<{ json: JSONContent; key: string }> {
  // Duck-typed: the editor's ProseMirror classes may come from another bundle chunk.
  const isPm = typeof (edited as PmNode).nodeSize === "number";
  const doc = isPm ? (edited as PmNode) : markdownSchema().nodeFromJSON(edited);
  const out: Array<{ json: JSONContent; key: string }> = [];
  doc.forEach((node) => {
    let entry = pmCache.get(node);
    if (!entry) {
      const json = node.toJSON() as JSONContent;
      pmCache.set(node, (entry = { json, key: nodeKey(json) }));
    }
    // Markdown has no empty paragraphs: blank lines between blocks are kept as they are.
    if (!isEmptyParagraph(entry.json)) out.push(entry);
  });
  return out;
}

/**
 * Load Markdown for the editor. Each document gets its own parser (own
 * `marked` instance), so documents never share lexer state. With `blocks`,
 * the server's split of this source (blocks.ts splitFromBlocks), nothing is
 * parsed until the first save; blocks that do not fit the source are ignored.
 */
export function createMarkdownDocument(source: string, blocks?: EditorBlock[]): MarkdownDocument {
  const given = blocks ? splitFromBlocks(source, blocks) : null;
  let parsed: MarkdownParser | null = null;
  const split = given ?? splitBlocks(source, (parsed = createParser()));
  // A save splices with the document's link definitions, which lexing the whole source gives the parser.
  const parserOf = () => {
    if (!parsed) (parsed = createParser()).lex(toLf(source).text);
    return parsed;
  };
  const docEol: Eol = dominantEol(source);
  const doc: JSONContent = { type: "doc", content: split.blocks.map((b) => b.node) };

  // Blocks brought together by an edit can run into one (two lists, two
  // indented code blocks); an empty HTML comment keeps them apart (CommonMark's own advice).
  const apart = (before: string, gap: string, after: string) => {
    const parser = parserOf();
    const alone = parser.parseBlock(before).length + parser.parseBlock(after).length;
    return parser.parseBlock(before + gap + after).length < alone ? `${gap}<!-- -->${docEol}${docEol}` : gap;
  };

  const saveWithReport = (edited: JSONContent | PmNode) => {
    const edits = topLevelNodes(edited);
    const nodes = edits.map((e) => e.json);
    const olds = split.blocks.map((b) => b.node);
    const ops = alignSequences(split.blocks.map((b) => b.key), edits.map((e) => e.key), nodeSimilarity(olds, nodes));
    const report: SaveReport = { kept: 0, deleted: 0, inserted: 0, modified: [] };
    const slots = ops.flatMap((op) => {
      if (op.kind === "delete") return report.deleted++, [];
      if (op.kind === "insert") {
        report.inserted++;
        return [{ text: withEol(parserOf().serialize([nodes[op.new]]), docEol) }];
      }
      const block = split.blocks[op.old];
      const bytes = source.slice(block.start, block.end);
      if (op.kind === "keep") return report.kept++, [{ text: bytes, orig: op.old }];
      const { text, kind } = spliceBlock(block, nodes[op.new], parserOf());
      report.modified.push(kind);
      return [{ text: replaceKeepingEol(bytes, block.text, text, block.eol), orig: op.old }];
    });
    return { markdown: assemble(split.gaps, slots, docEol, apart), report };
  };

  return { source, doc, split, save: (edited) => saveWithReport(edited).markdown, saveWithReport, prepareSave: () => void parserOf() };
}

import type { JSONContent } from "@tiptap/core";
import { type SourceBlock, nodeKey } from "./blocks";
import { spliceList, spliceTable } from "./containers";
import type { MarkdownParser } from "./parser";
import { textSpliceCandidates } from "./text-splice";

/** Which strategy produced a block's new text (reported by the round-trip script). */
export type SpliceKind = "words" | "items" | "rewrite";

/**
 * The new LF text of an edited top-level block, changing as few of its bytes
 * as possible (§8): (1) replace the edited words in place; (2) in a list or
 * table, splice per item / row; (3) else let tiptap write the block anew.
 * (1) and (2) are kept only if the result parses back to exactly `newNode`.
 */
export function spliceBlock(block: SourceBlock, newNode: JSONContent, parser: MarkdownParser): { text: string; kind: SpliceKind } {
  const want = nodeKey(newNode);
  const parsesTo = (text: string) => {
    const nodes = parser.parseBlock(text);
    return nodes.length === 1 && nodeKey(nodes[0]) === want;
  };
  const words = textSpliceCandidates(block.node, newNode, block.text, parser).find(parsesTo);
  if (words !== undefined) return { text: words, kind: "words" };
  if (block.node.type === newNode.type) {
    const container =
      newNode.type === "bulletList" || newNode.type === "orderedList" ? spliceList(block.text, block.node, newNode, parser)
      : newNode.type === "table" ? spliceTable(block.text, block.node, newNode, parser)
      : null;
    if (container !== null && parsesTo(container)) return { text: container, kind: "items" };
  }
  return { text: parser.serialize([newNode]), kind: "rewrite" };
}

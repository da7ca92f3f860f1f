import type { JSONContent } from "@tiptap/core";
import type { Tokens } from "marked";
import { alignSequences } from "./align";
import { nodeKey } from "./blocks";
import { taskState, withBox } from "./nodes/task-item";
import type { MarkdownParser } from "./parser";
import { nodeSimilarity } from "./similarity";
import { textSpliceCandidates } from "./text-splice";

// MARKDOWN.md: re-serialising a whole list or table rewrites it (35 % / 0 %
// byte-identical), so an edit inside one is spliced per list item / table
// row and every other item keeps its bytes (§8). Each new child text is
// verified by re-parsing; the caller verifies the whole block again.

/** New text for a child: `oldText` is null for an inserted child; `before` is the text emitted just before. */
type ChildText = (oldText: string | null, oldChild: JSONContent | null, newChild: JSONContent, before: string | null) => string | null;

function spliceChildren(oldTexts: string[], oldNode: JSONContent, newNode: JSONContent, childText: ChildText): string[] | null {
  const oldKids = oldNode.content ?? [];
  const newKids = newNode.content ?? [];
  const out: string[] = [];
  for (const op of alignSequences(oldKids.map(nodeKey), newKids.map(nodeKey), nodeSimilarity(oldKids, newKids))) {
    if (op.kind === "delete") continue;
    const before = out.length ? out[out.length - 1] : null;
    const text =
      op.kind === "keep" ? oldTexts[op.old]
      : op.kind === "modify" ? childText(oldTexts[op.old], oldKids[op.old], newKids[op.new], before)
      : childText(null, null, newKids[op.new], before);
    if (text === null) return null;
    out.push(text);
  }
  return out;
}

/** Re-parse `text` and check that child `index` of its single block is `child`. */
function childIs(parser: MarkdownParser, text: string, index: number, child: JSONContent): boolean {
  const nodes = parser.parseBlock(text);
  const got = nodes.length === 1 ? nodes[0].content?.[index] : undefined;
  return !!got && nodeKey(got) === nodeKey(child);
}

/** The old child text with the edited words replaced, if a candidate passes `ok`. */
function spliced(parser: MarkdownParser, oldText: string | null, oldChild: JSONContent | null, newChild: JSONContent, ok: (t: string) => boolean) {
  return oldText !== null && oldChild ? (textSpliceCandidates(oldChild, newChild, oldText, parser).find(ok) ?? null) : null;
}

const MARKER = /^ {0,3}(?:([-*+])|(\d{1,9})([.)]))/;

/** A list with items edited, added or removed: splice per item. */
export function spliceList(text: string, oldNode: JSONContent, newNode: JSONContent, parser: MarkdownParser): string | null {
  const token = parser.lexBlock(text)[0] as Tokens.List | undefined;
  if (token?.type !== "list" || token.items.length !== (oldNode.content ?? []).length) return null;
  const raws = token.items.map((item) => item.raw);
  if (raws.join("") !== text) return null;
  // Items end with their own line end, plus a blank line in a loose list.
  const separator = raws.length > 1 ? (/\n[ \t\n]*$/.exec(raws[0])?.[0] ?? "\n") : token.loose ? "\n\n" : "\n";
  const first = MARKER.exec(raws[0]);

  const parts = spliceChildren(raws, oldNode, newNode, (oldText, oldItem, newItem, before) => {
    const ok = (t: string) => childIs(parser, t, 0, newItem);
    // A ticked or unticked task changes its box in place; its words, if edited too, are spliced after.
    const checked = taskState(newItem);
    const reboxed = oldText !== null && checked !== null && oldItem && taskState(oldItem) !== checked ? withBox(oldText, checked) : null;
    if (reboxed !== null && ok(reboxed)) return reboxed;
    const kept = spliced(parser, reboxed ?? oldText, oldItem, newItem, ok);
    if (kept !== null) return kept;
    // tiptap writes "- " or "N. "; use this list's bullet, and the number after the previous item's.
    const prev = before === null ? null : MARKER.exec(before);
    const bullet = first?.[1]
      ? first[1]
      : `${prev?.[2] ? Number(prev[2]) + 1 : (token.start || 1)}${first?.[3] ?? "."}`;
    const item = parser.serialize([{ type: newNode.type, attrs: newNode.attrs, content: [newItem] }]);
    const text = item.replace(/^(?:[-*+]|\d+[.)])/, bullet);
    return ok(text) ? text : null;
  });
  if (!parts) return null;
  const joined = parts.map((p, i) => (i < parts.length - 1 && !p.endsWith("\n") ? p + separator : p)).join("");
  return joined.replace(/(?:\n[ \t]*)+$/, "");
}

/** A table with cells edited or rows added / removed: splice per row line. */
export function spliceTable(text: string, oldNode: JSONContent, newNode: JSONContent, parser: MarkdownParser): string | null {
  const token = parser.lexBlock(text)[0] as Tokens.Table | undefined;
  const lines = text.split("\n");
  const oldRows = oldNode.content ?? [];
  const newRows = newNode.content ?? [];
  const width = (rows: JSONContent[]) => rows[0]?.content?.length ?? 0;
  // Column changes and header changes touch the delimiter row or every row: rewrite the table.
  if (token?.type !== "table" || lines.length !== token.rows.length + 2 || lines.length - 1 !== oldRows.length) return null;
  if (width(oldRows) !== width(newRows) || nodeKey(oldRows[0]) !== nodeKey(newRows[0])) return null;
  const rowLines = [lines[0], ...lines.slice(2)];

  const parts = spliceChildren(rowLines, oldNode, newNode, (oldText, oldRow, newRow) => {
    // A row is checked under the table's own header and delimiter lines.
    const ok = (t: string) => !t.includes("\n") && childIs(parser, `${lines[0]}\n${lines[1]}\n${t}`, 1, newRow);
    const kept = spliced(parser, oldText, oldRow, newRow, ok);
    if (kept !== null) return kept;
    const table = parser.serialize([{ type: "table", content: [newRows[0], newRow] }]).split("\n");
    const line = table[2] ?? "";
    return ok(line) ? line : null;
  });
  if (!parts || parts[0] !== lines[0]) return null;
  return [parts[0], lines[1], ...parts.slice(1)].join("\n");
}

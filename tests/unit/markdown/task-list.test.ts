import type { JSONContent } from "@tiptap/core";
import { createMarkdownDocument, editorBlocksOf, sourceRangeToDoc } from "@/lib/markdown";
import { markdownSchema } from "@/lib/markdown/extensions";
import { paragraph, replaceText, wordsThroughSourceRanges } from "./edit-helpers";

// GFM task lists (`- [ ] open`, `- [x] done`): each item parses to a valid
// list item that knows its box, words edited in it keep the box, a ticked
// box changes only its own `[ ]`, and a new task is written with its box.

/** The doc with the `n`-th list item (depth first) changed by `f`. */
function withItem(doc: JSONContent, n: number, f: (item: JSONContent) => JSONContent): JSONContent {
  let seen = -1;
  const walk = (node: JSONContent): JSONContent => {
    if (node.type === "listItem" && ++seen === n) return f(node);
    return node.content ? { ...node, content: node.content.map(walk) } : node;
  };
  return walk(doc);
}
const tick = (checked: boolean) => (item: JSONContent) => ({ ...item, attrs: { ...item.attrs, checked } });

const SOURCE = "# Plan\n\nSteps we agreed:\n\n- [ ] write the *parser*\n- [x] review the spec\n- plain item\n\nAfter.\n";

test("a task list parses to a valid document whose items say their boxes, and saves unchanged", () => {
  const md = createMarkdownDocument(SOURCE);
  expect(() => markdownSchema().nodeFromJSON(md.doc).check()).not.toThrow();
  const items = md.doc.content![2].content!;
  expect(items.map((i) => i.attrs?.checked)).toEqual([false, true, null]);
  expect(items[0].content).toEqual([{ type: "paragraph", content: [{ type: "text", text: "write the " }, { type: "text", text: "parser", marks: [{ type: "italic" }] }] }]);
  expect(md.save(md.doc)).toBe(SOURCE);
});

test("a list mixing tasks and plain items stays one list, its plain items without a box", () => {
  const md = createMarkdownDocument("- [ ] a task\n- a plain item\n- [x] done\n");
  expect(md.doc.content).toHaveLength(1);
  expect(md.doc.content![0].content!.map((i) => i.attrs?.checked)).toEqual([false, null, true]);
});

test("editing a task's words keeps its box and the other lines", () => {
  const md = createMarkdownDocument(SOURCE);
  expect(md.save(replaceText(md.doc, "review", "re-read"))).toBe(SOURCE.replace("review", "re-read"));
});

test("ticking and unticking a box changes only that box", () => {
  const md = createMarkdownDocument(SOURCE);
  expect(md.save(withItem(md.doc, 0, tick(true)))).toBe(SOURCE.replace("- [ ] write", "- [x] write"));
  expect(md.save(withItem(md.doc, 1, tick(false)))).toBe(SOURCE.replace("- [x] review", "- [ ] review"));
});

test("ticking a box and editing its words in one save does both, in place", () => {
  const md = createMarkdownDocument(SOURCE);
  const doc = withItem(replaceText(md.doc, "write", "finish"), 0, tick(true));
  expect(md.save(doc)).toBe(SOURCE.replace("- [ ] write", "- [x] finish"));
});

test("ordered, nested and upper-case boxes tick in place", () => {
  const source = "1. [ ] first\n2. [X] second\n   - [ ] nested\n";
  const md = createMarkdownDocument(source);
  expect(md.save(withItem(md.doc, 0, tick(true)))).toBe("1. [x] first\n2. [X] second\n   - [ ] nested\n");
  expect(md.save(withItem(md.doc, 1, tick(false)))).toBe("1. [ ] first\n2. [ ] second\n   - [ ] nested\n");
  const nested = md.save(withItem(md.doc, 2, tick(true)));
  expect(createMarkdownDocument(nested).doc.content![0].content![1].content![1].content![0].attrs?.checked).toBe(true);
});

test("a new task item and a new task list are written with their boxes", () => {
  const md = createMarkdownDocument(SOURCE);
  const task = (text: string, checked: boolean): JSONContent => ({ type: "listItem", attrs: { checked }, content: [paragraph(text)] });
  const added = { ...md.doc, content: md.doc.content!.map((n, i) => (i === 2 ? { ...n, content: [...n.content!, task("ship it", false)] } : n)) };
  expect(md.save(added)).toBe(SOURCE.replace("- plain item\n", "- plain item\n- [ ] ship it\n"));
  const list: JSONContent = { type: "bulletList", content: [task("one", true), task("two", false)] };
  const inserted = { ...md.doc, content: [...md.doc.content!, list] };
  expect(md.save(inserted)).toBe(`${SOURCE}\n- [x] one\n- [ ] two\n`);
});

test("the server's blocks carry the boxes", () => {
  const given = createMarkdownDocument(SOURCE, JSON.parse(JSON.stringify(editorBlocksOf(SOURCE))));
  expect(given.doc).toEqual(createMarkdownDocument(SOURCE).doc);
  expect(given.save(withItem(given.doc, 0, tick(true)))).toBe(SOURCE.replace("- [ ] write", "- [x] write"));
});

test("a source range inside a task item maps to its words in the editor (tracked changes, highlights)", () => {
  const words = ["write the", "parser", "review the spec", "plain item"];
  expect(wordsThroughSourceRanges(SOURCE, words)).toEqual(words);
  expect(sourceRangeToDoc(createMarkdownDocument(SOURCE), SOURCE.indexOf("[x]"), SOURCE.indexOf("[x]") + 3)).toBeNull();
});

test.each(["- [y] not a task\n", "- [ ]no space after the box\n", "- [x]\n"])("what GFM does not call a task stays a plain item with its text: %j", (source) => {
  const md = createMarkdownDocument(source);
  const item = md.doc.content![0].content![0];
  expect(item.attrs?.checked).toBeNull();
  expect(item.content![0].content![0].text).toBe(source.slice(2, -1));
  expect(md.save(md.doc)).toBe(source);
});

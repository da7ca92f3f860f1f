import { diffDocuments } from "@/lib/rfc-view/diff-blocks";
import { changeDecorations, type SourceDecoration } from "@/lib/rfc-view/editor-decorations";
import { renderMarkdown } from "@/lib/rfc-view/markdown-render";
import { closeMark, keepLinePrefixes, openMark, sentinelsToHtml } from "@/lib/rfc-view/marks";
import type { Change } from "@/lib/contracts";
import { changeInPlace, decorateSlice } from "@/lib/rfc-view/overlays";

// Issue 16: Markdown markers (# , - , 1. , > ) in a tracked change are
// structure, never inserted text — in the rendered change (card, discuss
// mode), the DiffView and the editor's decorations.

const INS = openMark("ins");
const END = closeMark("ins");
const rendered = (original: string, proposed: string) => sentinelsToHtml(renderMarkdown(changeInPlace(original, proposed)));
/** The text inside every <ins>/<del> of some HTML. */
const marked = (html: string, tag: "ins" | "del") => [...html.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, "g"))].map((m) => m[1]);

describe("keepLinePrefixes", () => {
  it.each([
    [`- a\n${INS}- new${END}\n- b`, `- a\n- ${INS}new${END}\n- b`],
    [`${INS}## Rollout${END}`, `## ${INS}Rollout${END}`],
    [`1. one\n${INS}2. two${END}`, `1. one\n2. ${INS}two${END}`],
    [`${INS}> - nested${END}`, `> - ${INS}nested${END}`],
    [`text ${INS}- not a marker${END}`, `text ${INS}- not a marker${END}`],
  ])("%j → %j", (input, out) => expect(keepLinePrefixes(input)).toBe(out));
});

describe("a rendered change (card, discuss mode)", () => {
  it("an added heading and paragraph render as a heading and a paragraph, their text inserted", () => {
    const html = rendered("Stale reads are possible.", "Stale reads are possible.\n\n## Rollout\n\nShip it.");
    expect(html).toMatch(/<h2><ins[^>]*>Rollout<\/ins><\/h2>/);
    expect(html).toMatch(/<p><ins[^>]*>Ship it\.<\/ins><\/p>/);
    expect(marked(html, "ins").join("")).not.toMatch(/#/);
  });

  it.each([
    ["- a\n- b", "- a\n- new\n- b", "<ul>", "new"],
    ["1. one\n2. two", "1. one\n2. two\n3. three", "<ol>", "three"],
    ["> quoted", "> quoted\n> - item", "<blockquote>", "item"],
  ])("a list item or quote added to %j shows as one, never as its marker", (original, proposed, container, word) => {
    const html = rendered(original, proposed);
    expect(html).toContain(container);
    expect(html).toMatch(new RegExp(`<li><ins[^>]*>${word}</ins></li>`));
    expect(marked(html, "ins").join("")).not.toMatch(/^[-\d>]|\n[-\d>]/);
  });

  it("a removed list item is a struck list item; the item after it stays an item", () => {
    const html = rendered("- a\n- old\n- b", "- a\n- b");
    expect(html).toMatch(/<li><del[^>]*>old<\/del><\/li>/);
    expect(html).toMatch(/<li>b<\/li>/);
  });
});

it("the DiffView shows a list item added to a list as a list item with its text inserted", () => {
  const { blocks } = diffDocuments("# T\n\n- a\n- b\n", "# T\n\n- a\n- new\n- b\n");
  const changed = blocks.find((b) => b.kind === "changed")!;
  expect(changed.html).toMatch(/<li><ins[^>]*>new<\/ins><\/li>/);
  expect(changed.html.match(/<li>/g)).toHaveLength(3);
  expect(marked(changed.html, "ins")).toEqual(["new"]);
});

describe("the editor's decorations (contribute mode)", () => {
  const change = (original: string, proposed: string) => ({ id: "c1", original, proposed, editedText: null, reason: "r" }) as Pick<Change, "id" | "original" | "proposed" | "editedText" | "reason">;
  const inserts = (ds: SourceDecoration[]) => ds.filter((d) => d.kind === "insert").map((d) => (d as { text: string }).text);

  it("an added heading and paragraph are drawn rendered, not as '## ' text", () => {
    const src = "# T\n\nStale reads are possible.\n";
    const ds = changeDecorations(src, change("Stale reads are possible.", "Stale reads are possible.\n\n## Rollout\n\nShip it."));
    expect(inserts(ds)).toEqual([]);
    const blocks = ds.filter((d) => d.kind === "insert-blocks");
    expect(blocks).toEqual([expect.objectContaining({ at: src.indexOf("possible.") + "possible.".length, html: "<h2>Rollout</h2>\n<p>Ship it.</p>\n" })]);
  });

  it("a marker added at a line start restyles the line as what it becomes", () => {
    const src = "# T\n\nRisks\n\nStale reads are possible.\n";
    expect(changeDecorations(src, change("Risks", "## Risks"))).toEqual([{ kind: "restyle", at: src.indexOf("Risks"), as: "h2", id: "doc-change:c1", title: "r" }]);
    const list = changeDecorations(src, change("Stale reads are possible.", "- Stale reads are possible."));
    expect(list).toEqual([expect.objectContaining({ kind: "restyle", as: "list-item" })]);
  });

  it("a list item added between two is drawn as a list item, whichever way the word diff splits it", () => {
    const src = "# T\n\n- a\n- b\n";
    const ds = changeDecorations(src, change("- a\n- b", "- a\n- new\n- b"));
    expect(inserts(ds).join("")).not.toMatch(/-/);
    const blocks = ds.filter((d) => d.kind === "insert-blocks") as { html: string }[];
    expect(blocks.map((b) => b.html)).toEqual(["<ul>\n<li>new</li>\n</ul>\n"]);
  });

  it("an ordered item added at the end renders as the next item", () => {
    const src = "1. one\n2. two\n";
    const ds = changeDecorations(src, change("1. one\n2. two", "1. one\n2. two\n3. three"));
    expect(inserts(ds)).toEqual([]);
    expect((ds.find((d) => d.kind === "insert-blocks") as { html: string }).html).toMatch(/<ol start="3">\s*<li>three<\/li>/);
  });
});

it("a change crossing into a list keeps the item after its inserted proposal an item (discuss mode)", () => {
  const source = "Intro.\n\n- a\n- b\n";
  const list = source.indexOf("- a");
  const end = source.indexOf("- b"); // the original ends at the start of the last item's line
  const slice = decorateSlice(source, list, source.length, [{ type: "change", start: 0, end, proposed: "Intro.\n\n- a\n- new\n" }]);
  const html = sentinelsToHtml(renderMarkdown(slice));
  expect(html).toMatch(/<li>(<p>)?b(<\/p>)?\s*<\/li>/);
  expect(marked(html, "ins").join("")).not.toMatch(/(^|\n)- /);
});

it("a line that becomes a heading shows the old line struck and the heading inserted, not an unmarked heading", () => {
  const html = rendered("Open questions", "## Open questions");
  expect(html).toMatch(/<p><del[^>]*>Open questions<\/del><\/p>/);
  expect(html).toMatch(/<h2><ins[^>]*>Open questions<\/ins><\/h2>/);
});

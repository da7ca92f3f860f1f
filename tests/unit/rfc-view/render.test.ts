import { closeMark, openMark, sentinelsToHtml, stripMarks } from "@/lib/rfc-view/marks";
import { lexBlocks, renderChatMarkdown, renderMarkdown } from "@/lib/rfc-view/markdown-render";
import { safeUrl } from "@/lib/text/safe-url";
import { decorateSlice } from "@/lib/rfc-view/overlays";
import { renderDocument } from "@/lib/rfc-view/render-document";
import { corpusFiles, readCorpusFile } from "@/tests/fixtures";

// The read-only rendering of discuss mode and its overlays (§8.2, §8.10, §8.12).

describe("sentinelsToHtml", () => {
  test("a mark around text becomes one element", () => {
    expect(sentinelsToHtml(`<p>a ${openMark("del")}b${closeMark("del")} c</p>`)).toMatch(/^<p>a <del[^>]*>b<\/del> c<\/p>$/);
  });
  test("a mark across element boundaries is closed and reopened, never straddling", () => {
    const html = sentinelsToHtml(`<p>x${openMark("ins")}y <strong>z</strong> w${closeMark("ins")}</p>`);
    expect(html).toMatch(/^<p>x<ins[^>]*>y <\/ins><strong><ins[^>]*>z<\/ins><\/strong> <ins[^>]*>w<\/ins><\/p>$/);
  });
  test("refs become data attributes, sentinels in attributes are dropped", () => {
    const html = sentinelsToHtml(`<a href="u${openMark("hl")}v">${openMark("hl", 7)}t${closeMark("hl")}</a>`);
    expect(html).toBe('<a href="uv"><mark class="cursor-pointer rounded-sm bg-amber-100/70 text-inherit" data-thread="7">t</mark></a>');
  });
  test("overlapping marks close in order and the outer one continues", () => {
    const html = sentinelsToHtml(`${openMark("hl")}a${openMark("del")}b${closeMark("hl")}c${closeMark("del")}`);
    expect(html.replace(/ class="[^"]*"/g, "")).toBe("<mark>a<del>b</del></mark><del>c</del>");
  });
  test("stripMarks removes every sentinel", () => {
    expect(stripMarks(`a${openMark("ins", 3)}b${closeMark("ins")}`)).toBe("ab");
  });
});

describe("safe rendering of untrusted Markdown", () => {
  test("raw HTML is shown as text", () => {
    expect(renderMarkdown("hi <script>alert(1)</script>")).not.toContain("<script>");
    expect(renderMarkdown("<img src=x onerror=alert(1)>\n")).not.toContain("<img");
  });
  test("javascript: links lose their href, http links open safely", () => {
    expect(renderMarkdown("[x](javascript:alert(1))")).not.toContain("href");
    expect(renderMarkdown("[x](https://e.org)")).toContain('href="https://e.org" rel="noopener noreferrer nofollow"');
    expect(safeUrl("data:text/html,1")).toBeNull();
    expect(safeUrl("/rfcs/a#b")).toBe("/rfcs/a#b");
  });
  test("reference links resolve inside a single block", () => {
    const src = "See [the spec][s].\n\n[s]: https://e.org/spec\n";
    const blocks = renderDocument(src);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].html).toContain('href="https://e.org/spec"');
  });
});

describe("blocks and their offsets", () => {
  const files = corpusFiles();
  test("every block's range holds its raw text (corpus)", () => {
    for (const f of files.slice(0, 20)) {
      const src = readCorpusFile(f);
      for (const b of lexBlocks(src).blocks) expect(src.slice(b.start, b.end)).toBe(b.raw);
    }
  });
  test("a small document gives heading, paragraph and list blocks in order", () => {
    const src = "# T\n\nPara one.\n\n- a\n- b\n";
    const blocks = renderDocument(src);
    expect(blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "list"]);
    expect(src.slice(blocks[1].start, blocks[1].end)).toBe("Para one.\n\n".slice(0, blocks[1].end - blocks[1].start));
  });
});

describe("overlays", () => {
  const src = "# Motivation\n\nWe need a faster build.\n";
  test("a pending change strikes the original and inserts the proposal after it", () => {
    const start = src.indexOf("faster");
    const blocks = renderDocument(src, [{ type: "change", start, end: start + 6, proposed: "quicker", ref: 0 }]);
    expect(blocks[1].html).toMatch(/a <del[^>]*data-change="0"[^>]*>faster<\/del><ins[^>]*>quicker<\/ins> build/);
  });
  test("a change is drawn word by word in place: kept words stay plain", () => {
    const start = src.indexOf("We need");
    const end = src.indexOf("build.") + 6;
    const blocks = renderDocument(src, [{ type: "change", start, end, proposed: "We need a faster, cheaper build.", ref: 2 }]);
    const html = blocks[1].html.replace(/ class="[^"]*"/g, "");
    expect(html).not.toContain("<del");
    expect(html.startsWith("<p>We need a faster<ins")).toBe(true);
    expect(html.replace(/<[^>]+>/g, "")).toBe("We need a faster, cheaper build.\n");
  });
  test("a highlight overlapping a change keeps both and nests correctly", () => {
    const start = src.indexOf("faster");
    const blocks = renderDocument(src, [
      { type: "change", start, end: start + 6, proposed: "quicker", ref: 0 },
      { type: "mark", kind: "hl", start: src.indexOf("a faster"), end: src.indexOf("build."), ref: 1 },
    ]);
    expect(blocks[1].html).toContain("quicker");
    expect(blocks[1].html).toContain('data-thread="1"');
    expect((blocks[1].html.match(/<mark/g) ?? []).length).toBe((blocks[1].html.match(/<\/mark>/g) ?? []).length);
  });
  test("a mark at a heading's line start keeps the heading a heading", () => {
    const piece = decorateSlice(src, 0, 13, [{ type: "mark", kind: "hl", start: 0, end: 12 }]);
    expect(piece.startsWith("# ")).toBe(true);
    const blocks = renderDocument(src, [{ type: "mark", kind: "hl", start: 0, end: 12, ref: 1 }]);
    expect(blocks[0].html).toMatch(/^<h1><mark[^>]*data-thread="1"[^>]*>Motivation<\/mark><\/h1>/);
  });
  test("a highlight across two blocks is drawn in both", () => {
    const start = src.indexOf("tion");
    const end = src.indexOf("faster");
    const blocks = renderDocument(src, [{ type: "mark", kind: "hl-active", start, end }]);
    expect(blocks[0].html).toContain("<mark");
    expect(blocks[1].html).toContain("<mark");
  });
});

describe("chat messages", () => {
  test("a single newline is a line break, a blank line a new paragraph", () => {
    const html = renderChatMarkdown("first line\nsecond line\n\nnext paragraph");
    expect(html).toBe("<p>first line<br>second line</p>\n<p>next paragraph</p>\n");
  });

  test("the document renderer keeps Markdown's soft breaks", () => {
    expect(renderMarkdown("first line\nsecond line")).toBe("<p>first line\nsecond line</p>\n");
  });
});

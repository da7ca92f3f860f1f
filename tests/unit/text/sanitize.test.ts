import { JSDOM } from "jsdom";
import { lexBlocks, renderMarkdown, renderMarkdownParts } from "@/lib/rfc-view/markdown-render";
import { renderDocument } from "@/lib/rfc-view/render-document";
import { sanitizeHtml, sanitizeHtmlParts } from "@/lib/text/sanitize-html";
import { corpusFiles, readCorpusFile } from "@/tests/fixtures";
import { ALL_XSS_VECTORS, GOOD_LINKS, xssDocument } from "@/tests/fixtures/xss/owasp-vectors";

// Issue 12: every vector of the fixture, rendered as chat, AI reply or
// document, leaves no script, no event handler and no URL a browser would
// read as anything but http(s), mailto, relative or fragment. The HTML is
// parsed by jsdom (a WHATWG parser and URL implementation) to check it the
// way a page would build it. The browser test (tests/e2e/xss.test.ts) runs
// the same fixture in Chromium and counts script runs.

const BASE = "https://app.example/rfcs/x";

function dangers(html: string): string[] {
  const doc = new JSDOM(`<body>${html}</body>`, { url: BASE }).window.document;
  const found: string[] = [];
  for (const el of doc.body.querySelectorAll("*")) {
    if (["SCRIPT", "IFRAME", "OBJECT", "EMBED", "BASE", "META", "FORM", "STYLE", "LINK"].includes(el.tagName)) found.push(`<${el.tagName}>`);
    for (const attr of el.getAttributeNames()) {
      if (/^on/i.test(attr) || attr === "style" || attr === "srcdoc") found.push(`${el.tagName}[${attr}]`);
      if (["href", "src", "action", "formaction", "background", "poster", "xlink:href", "data"].includes(attr)) {
        const protocol = new URL(el.getAttribute(attr)!, BASE).protocol;
        if (!["http:", "https:", "mailto:"].includes(protocol)) found.push(`${el.tagName}[${attr}=${el.getAttribute(attr)}]`);
      }
    }
  }
  return found;
}

test.each(ALL_XSS_VECTORS.map((v) => [v.name, v.text]))("%s: rendered as Markdown, nothing dangerous is left", (_name, text) => {
  expect(dangers(renderMarkdown(text))).toEqual([]);
});

test.each(ALL_XSS_VECTORS.map((v) => [v.name, v.text]))("%s: as raw HTML through the sanitiser, nothing dangerous is left", (_name, text) => {
  expect(dangers(sanitizeHtml(text))).toEqual([]);
});

test("the whole fixture as one document, block by block, keeps the good links", () => {
  const html = renderDocument(xssDocument()).map((b) => b.html).join("\n");
  expect(dangers(html)).toEqual([]);
  const doc = new JSDOM(`<body>${html}</body>`, { url: BASE }).window.document;
  const hrefs = [...doc.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"));
  expect(hrefs).toEqual(expect.arrayContaining(["https://example.org/ok", "/?q=ok", "#ok", "mailto:a@example.org"]));
});

test("the issue's two working javascript: links are plain text now", () => {
  const tab = renderMarkdown("[x](<java\tscript:alert(1)>)");
  expect(tab).not.toContain("href");
  const ref = renderMarkdown("[r]\n\n[r]: \u0002javascript:alert(1)\n");
  expect(ref).not.toContain("href");
});

test("good links keep rel and target", () => {
  const html = renderMarkdown(GOOD_LINKS);
  expect(html).toContain('href="https://example.org/ok"');
  expect(html).toMatch(/rel="noopener noreferrer nofollow"/);
  expect(html).toMatch(/target="_blank"/);
});

describe("several pieces in one pass (sanitizeHtmlParts)", () => {
  const blocksOf = (src: string) => lexBlocks(src).blocks.map((b) => b.raw);

  test("gives each piece exactly what sanitizeHtml gives it: the corpus's blocks and the XSS document's", () => {
    for (const src of [...corpusFiles().slice(0, 12).map(readCorpusFile), xssDocument()]) {
      const { defs } = lexBlocks(src);
      const pieces = blocksOf(src);
      expect(renderMarkdownParts(pieces, defs)).toEqual(pieces.map((p) => renderMarkdown(p, defs)));
    }
  });

  test("raw HTML that closes its wrapper or leaves it open still gives each piece alone, and nothing dangerous", () => {
    const pieces = ALL_XSS_VECTORS.map((v) => v.text).concat(["</div><div>two", "<div>open", "plain & text", ""]);
    const parts = sanitizeHtmlParts(pieces);
    expect(parts).toEqual(pieces.map(sanitizeHtml));
    for (const html of parts) expect(dangers(html)).toEqual([]);
  });
});

import { Node } from "@tiptap/core";

// Raw HTML is kept as opaque atoms carrying their exact source. @tiptap/markdown
// would otherwise parse HTML through the DOM in the browser and keep it as
// literal text in Node, so the same document would differ between the two
// (§8: "parsing is identical in the editor and on the server").

/** A block of raw HTML (<details>, anchors, tables …), shown as source, never edited. Comment-only blocks are not shown (blocks.ts). */
export const HtmlBlock = Node.create({
  name: "htmlBlock",
  group: "block",
  atom: true,
  selectable: true,
  addAttributes() {
    return { html: { default: "" } };
  },
  parseHTML() {
    return [{ tag: "pre[data-html-block]", getAttrs: (el) => ({ html: (el as HTMLElement).textContent ?? "" }) }];
  },
  renderHTML({ node }) {
    return ["pre", { "data-html-block": "", class: "md-html-block" }, node.attrs.html as string];
  },
  markdownTokenName: "html",
  parseMarkdown: (token, h) => h.createNode("htmlBlock", { html: (token.raw ?? "").replace(/\s+$/, "") }),
  renderMarkdown: (node) => (node.attrs?.html as string) ?? "",
});

/** Inline raw HTML (`<br>`, `<sup>` …); the lexer renames these tokens in `parser.ts`. */
export const HtmlInline = Node.create({
  name: "htmlInline",
  group: "inline",
  inline: true,
  atom: true,
  addAttributes() {
    return { html: { default: "" } };
  },
  parseHTML() {
    return [{ tag: "code[data-html-inline]", getAttrs: (el) => ({ html: (el as HTMLElement).textContent ?? "" }) }];
  },
  renderHTML({ node }) {
    return ["code", { "data-html-inline": "", class: "md-html-inline" }, node.attrs.html as string];
  },
  markdownTokenName: "inlineHtml",
  parseMarkdown: (token, h) => h.createNode("htmlInline", { html: token.raw ?? "" }),
  renderMarkdown: (node) => (node.attrs?.html as string) ?? "",
});

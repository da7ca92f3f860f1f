import { Marked, type Token, type Tokens } from "marked";
import { isSpacing, topLevelTokens } from "@/lib/markdown/top-level";
import { safeUrl } from "@/lib/text/safe-url";
import { sanitizeHtml, sanitizeHtmlParts } from "@/lib/text/sanitize-html";

// Read-only rendering of an RFC's Markdown (discuss mode, DiffView, §8.2,
// §8.10), chat messages and AI replies. The text is untrusted (§18): raw HTML
// is shown as text, only http(s), mailto, relative and fragment URLs (judged
// as browsers read them, lib/text/safe-url.ts) become links or images, and
// the result goes through the one sanitiser (lib/text/sanitize-html.ts).
// Its own Marked instance — never the global one (MARKDOWN.md pitfalls).

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const marked = new Marked({
  gfm: true,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const inner = this.parser.parseInline(tokens);
      const url = safeUrl(href);
      if (!url) return inner;
      const t = title ? ` title="${escapeHtml(title)}"` : "";
      return `<a href="${escapeHtml(url)}"${t} rel="noopener noreferrer nofollow" target="_blank">${inner}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      const url = safeUrl(href, "image");
      if (!url) return escapeHtml(text);
      const t = title ? ` title="${escapeHtml(title)}"` : "";
      return `<img src="${escapeHtml(url)}" alt="${escapeHtml(text)}"${t} loading="lazy">`;
    },
  },
});

export type SourceBlock = { start: number; end: number; type: string; raw: string; token: Token };
/** `defs`: the document's link reference definitions, appended when a block is rendered alone. */
export type Lexed = { blocks: SourceBlock[]; defs: string };

/**
 * The document's top-level blocks with their source offsets, cut by the one
 * block splitter (lib/markdown/top-level.ts). Blank space and link
 * definitions are not blocks: they render nothing.
 */
export function lexBlocks(source: string): Lexed {
  const blocks: SourceBlock[] = [];
  const defs: string[] = [];
  for (const { start, end, token } of topLevelTokens(source).tokens) {
    const raw = source.slice(start, end);
    if (token.type === "def") defs.push(raw.trim());
    if (isSpacing(token)) continue;
    blocks.push({ start, end, type: token.type, raw, token });
  }
  return { blocks, defs: defs.join("\n") };
}

/**
 * Renders a piece of Markdown (one block or a few) to sanitised HTML. `defs`
 * (link reference definitions) are appended so reference links resolve; they
 * render nothing themselves.
 */
export function renderMarkdown(source: string, defs = ""): string {
  return sanitizeHtml(markedHtml(source, defs));
}

/** renderMarkdown of each piece (a document's blocks), sanitised in one pass (sanitizeHtmlParts). */
export function renderMarkdownParts(sources: readonly string[], defs = ""): string[] {
  return sanitizeHtmlParts(sources.map((s) => markedHtml(s, defs)));
}

const markedHtml = (source: string, defs: string) => marked.parse(defs ? `${source.replace(/\n*$/, "")}\n\n${defs}\n` : source, { async: false });

/**
 * A chat message: the same rendering, with a line break kept where the
 * person pressed Shift+Enter — chat is not a document, one newline is meant.
 */
export function renderChatMarkdown(source: string): string {
  return sanitizeHtml(marked.parse(source, { async: false, breaks: true }));
}

/** The top-level block type a piece of Markdown parses to (DiffView checks a merged block kept its kind). */
export function blockTypeOf(source: string): string | null {
  return marked.lexer(source).find((t) => t.type !== "space" && t.type !== "def")?.type ?? null;
}

// Issue 12: a URL from untrusted text (a document, a chat message, a flag
// note, an idea) is judged the way a browser will read it, never by a regex
// over the raw string. Browsers (the WHATWG URL parser) first strip leading
// and trailing C0 controls and spaces and drop every tab and newline
// anywhere, so `java\tscript:` and `\u0002javascript:` are javascript: URLs
// to them. The cleaned string is what the page gets, so what was judged is
// exactly what runs. Allowed: http, https, mailto, relative and fragment.
// Isomorphic: the sanitiser runs it on the server and in the browser.

const EDGE_C0_OR_SPACE = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
const OTHER_CONTROL = /[\u0000-\u001f\u007f]/;
const ALLOWED_SCHEMES = new Set(["http:", "https:", "mailto:"]);
const RELATIVE_BASE = "https://relative.invalid/";

export type UrlUse = "link" | "image";

/**
 * The URL as the page should carry it, or null when it must not become a
 * link (or an image source: no mailto there).
 */
export function safeUrl(href: string | null | undefined, use: UrlUse = "link"): string | null {
  if (href === null || href === undefined) return null;
  const url = href.replace(EDGE_C0_OR_SPACE, "").replace(TAB_OR_NEWLINE, "");
  // A control left in the middle means nothing to a person; refusing it
  // keeps parser quirks (NUL → U+FFFD in attributes) out of the question.
  if (!url || OTHER_CONTROL.test(url)) return null;
  if (url.startsWith("#")) return use === "link" ? url : null;
  let parsed: URL;
  try {
    parsed = new URL(url); // parses only when the string has a scheme of its own
  } catch {
    try {
      parsed = new URL(url, RELATIVE_BASE); // relative: a path, a query, or //host
    } catch {
      return null;
    }
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) return null;
  if (use === "image" && parsed.protocol === "mailto:") return null;
  return url;
}

import DOMPurify from "isomorphic-dompurify";
import { safeUrl } from "./safe-url";

// The one sanitiser for every piece of HTML the app renders from people's
// text (documents, DiffView, chat, AI replies; issue 12). Marked's renderer
// (lib/rfc-view/markdown-render.ts) already escapes raw HTML and judges URLs;
// this is the second, independent layer: DOMPurify (cure53's, the most
// used and audited HTML sanitiser) in the browser parses with the browser's
// own parser, so what it checks is what the page builds (no parser
// differential, no mutation XSS); on the server isomorphic-dompurify runs
// the same code over jsdom. Every URL attribute goes through safeUrl, so
// both layers judge URLs the same browser-faithful way.

const URL_ATTRS = ["href", "src", "xlink:href", "action", "formaction", "poster", "background"];

// DOMPurify's own URI test, narrowed to the schemes safeUrl allows (it runs
// before the hook, on the value with whitespace and controls removed).
const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

let hooked = false;
function purifier() {
  if (!hooked) {
    DOMPurify.addHook("afterSanitizeAttributes", (node) => {
      for (const attr of URL_ATTRS) {
        if (!node.hasAttribute(attr)) continue;
        const url = safeUrl(node.getAttribute(attr), node.nodeName === "IMG" ? "image" : "link");
        if (url === null) node.removeAttribute(attr);
        else node.setAttribute(attr, url);
      }
      if (node.nodeName === "A" && node.getAttribute("target") === "_blank") node.setAttribute("rel", "noopener noreferrer nofollow");
    });
    hooked = true;
  }
  return DOMPurify;
}

const CONFIG = {
  ALLOWED_URI_REGEXP,
  ADD_ATTR: ["target"],
  FORBID_TAGS: ["style", "form", "button", "textarea", "select", "iframe", "object", "embed", "base", "meta", "link"],
  FORBID_ATTR: ["style"],
};

/** Sanitised HTML: no script, no event handler, no URL but http(s), mailto, relative and fragment. */
export function sanitizeHtml(html: string): string {
  return purifier().sanitize(html, CONFIG);
}

/**
 * Several pieces, each as sanitizeHtml gives it, through one sanitise: on the
 * server each call parses into a new jsdom document, which is most of its
 * cost, and an RFC view paid it once per block (issue 15: the RFC view's
 * render). Each piece goes in a <div> of its own and is read back from the
 * sanitised fragment; should the wrappers not come back one per piece (a
 * piece whose markup closed its wrapper), each piece is sanitised alone.
 */
export function sanitizeHtmlParts(parts: readonly string[]): string[] {
  // Text without markup is DOMPurify's own shortcut (returned as it is): kept out of the pass, so each answer is sanitizeHtml's.
  const marked = parts.flatMap((p, i) => (p.includes("<") ? [i] : []));
  if (marked.length < 2) return parts.map(sanitizeHtml);
  const fragment = purifier().sanitize(marked.map((i) => `<div>${parts[i]}</div>`).join(""), { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  const wrappers = [...fragment.childNodes];
  if (wrappers.length !== marked.length || wrappers.some((w) => w.nodeName !== "DIV")) return parts.map(sanitizeHtml);
  const out = parts.map((p) => (p.includes("<") ? "" : sanitizeHtml(p))); // no parse for those (the shortcut)
  marked.forEach((partIndex, k) => (out[partIndex] = (wrappers[k] as Element).innerHTML));
  return out;
}

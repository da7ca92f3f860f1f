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

/** Sanitised HTML: no script, no event handler, no URL but http(s), mailto, relative and fragment. */
export function sanitizeHtml(html: string): string {
  return purifier().sanitize(html, {
    ALLOWED_URI_REGEXP,
    ADD_ATTR: ["target"],
    FORBID_TAGS: ["style", "form", "button", "textarea", "select", "iframe", "object", "embed", "base", "meta", "link"],
    FORBID_ATTR: ["style"],
  });
}

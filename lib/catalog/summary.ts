// The one-paragraph summary the catalog shows and searches (§7): the text of
// the document's "Summary" section if it has one, else its first paragraph,
// as plain text. Computed by the cache writers from the main text, so a
// rebuilt cache gives the same value (§4).

const MAX_CHARS = 280;

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/** Markdown inline syntax to plain text: links keep their text, markers go. */
export function plainInline(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/(\*\*|__|~~|`+)/g, "")
    .replace(/(^|[\s(])[*_](?=\S)|(?<=\S)[*_](?=[\s).,;:!?]|$)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** Paragraphs of a Markdown text as [heading or null, lines] blocks, fenced code left out. */
function paragraphs(body: string): { heading: string | null; text: string }[] {
  const out: { heading: string | null; text: string }[] = [];
  let heading: string | null = null;
  let lines: string[] = [];
  let fenced = false;
  const flush = () => {
    if (lines.length) out.push({ heading, text: lines.join(" ") });
    lines = [];
  };
  for (const line of body.replace(/\r\n?/g, "\n").split("\n")) {
    if (FENCE.test(line)) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const h = HEADING.exec(line);
    if (h) {
      flush();
      heading = h[2];
      continue;
    }
    if (!line.trim() || /^ {0,3}([-*_])( *\1){2,} *$/.test(line) || /^\s*\|/.test(line)) flush();
    else lines.push(line.replace(/^ {0,3}(>\s?|[-*+]\s+|\d+[.)]\s+)/, ""));
  }
  flush();
  return out;
}

function clip(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const cut = text.slice(0, MAX_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

export function summaryOf(body: string): string {
  const blocks = paragraphs(body).map((b) => ({ ...b, text: plainInline(b.text) })).filter((b) => b.text);
  const chosen = blocks.find((b) => b.heading !== null && /^summary\b/i.test(plainInline(b.heading))) ?? blocks[0];
  return chosen ? clip(chosen.text) : "";
}

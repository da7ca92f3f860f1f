import { locateOriginal } from "@/lib/changes/locate";
import { estimateTokens } from "./budget";
import { findEnclosingSection, listHeadings } from "./sections";

// §18 Context: how much of the document goes into the prompt. All of it when
// it fits; for a very long document, only the section around the sub-thread's
// passage (or a window around the passage if even that is too long); with no
// passage, the beginning plus an outline of the headings.

/** A sub-thread's anchor (§8.12): the quoted text and some context around it. */
export type PromptPassage = { text: string; before?: string; after?: string };

export type DocumentScope = {
  kind: "full" | "section" | "excerpt" | "truncated";
  text: string;
  /** Tells the model what it is (not) seeing; empty for the full document. */
  note: string;
  passageFound: boolean;
};

/** Where the passage starts in `doc`, using its context to tell repeats apart. */
export function findPassage(doc: string, p: PromptPassage): number | null {
  const before = p.before ?? "";
  const after = p.after ?? "";
  for (const [b, a] of [[before, after], [before, ""], ["", after]]) {
    if (!b && !a) continue;
    const r = locateOriginal(doc, b + p.text + a);
    if (r.ok && r.exact) return r.start + b.length;
  }
  const r = locateOriginal(doc, p.text);
  return r.ok ? r.start : null;
}

/** `doc[start, end)` narrowed to whole lines, so it never exceeds the budget. */
function lines(doc: string, start: number, end: number): string {
  const nl = start <= 0 ? -1 : doc.indexOf("\n", start - 1);
  const from = start <= 0 ? 0 : nl < 0 ? start : nl + 1;
  if (end >= doc.length) return doc.slice(from);
  const to = doc.lastIndexOf("\n", end);
  return doc.slice(from, to > from ? to : end);
}

export function scopeDocument(doc: string, passage: PromptPassage | null, budgetTokens: number): DocumentScope {
  const at = passage ? findPassage(doc, passage) : null;
  const passageFound = at !== null;
  if (estimateTokens(doc) <= budgetTokens) return { kind: "full", text: doc, note: "", passageFound };
  const maxChars = budgetTokens * 4;
  const size = `about ${estimateTokens(doc)} tokens`;
  if (at !== null && passage) {
    const section = findEnclosingSection(doc, at);
    const title = section.heading ? `"${section.heading.title}"` : "before the first heading";
    if (section.end - section.start <= maxChars) {
      const note = `The document is too long to show in full (${size}); below is only the section that holds the passage (${title}). Propose changes only to text shown here.\n\n`;
      return { kind: "section", text: doc.slice(section.start, section.end), note, passageFound };
    }
    const middle = at + Math.floor(passage.text.length / 2);
    const start = Math.max(0, Math.min(middle - Math.floor(maxChars / 2), doc.length - maxChars));
    const note = `The document is too long to show in full (${size}); below is only an excerpt around the passage, inside the section ${title}. Propose changes only to text shown here.\n\n`;
    return { kind: "excerpt", text: lines(doc, start, start + maxChars), note, passageFound };
  }
  const outline = listHeadings(doc)
    .map((h) => `${"  ".repeat(h.level - 1)}- ${h.title}`)
    .join("\n");
  const note =
    `The document is too long to show in full (${size}); below is only its beginning. Propose changes only to text shown here.` +
    (outline ? ` Outline of the whole document:\n${outline}\n\n` : "\n\n");
  return { kind: "truncated", text: lines(doc, 0, maxChars), note, passageFound };
}

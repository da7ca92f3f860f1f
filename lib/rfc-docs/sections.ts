import { diffLines } from "diff";
import { changedLineStats } from "@/lib/markdown";

// §8.11: a manual-edit commit says which section changed. A section is the
// text under a Markdown heading (ATX `## x` or setext `x\n===`); text before
// the first heading is "the introduction".

export type Heading = { line: number; text: string };

const ATX = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/** Headings with their 0-based line numbers, ignoring fenced code. */
export function headingsOf(text: string): Heading[] {
  const lines = text.split("\n");
  const out: Heading[] = [];
  let fence: string | null = null;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    const f = FENCE.exec(line);
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1] === fence) fence = null;
      return;
    }
    if (fence) return;
    const atx = ATX.exec(line);
    if (atx) out.push({ line: i, text: (atx[1] ?? "").trim() });
    else if (SETEXT.test(line) && i > 0 && lines[i - 1].trim() && !/^\s*([-*+]|\d+[.)])\s/.test(lines[i - 1])) {
      out.push({ line: i - 1, text: lines[i - 1].trim() });
    }
  });
  return out.filter((h) => h.text);
}

export type EditSummary = { sections: string[]; added: number; removed: number };

/** The name of the section each line of `text` is in. */
function sectionNamer(text: string): (line: number) => string {
  const headings = headingsOf(text);
  return (line) => {
    let name = "the introduction";
    for (const h of headings) if (h.line <= line) name = h.text;
    return name;
  };
}

/**
 * The sections touched by turning `before` into `after`, in document order,
 * and the line counts. Each changed line that is not blank names its own
 * section — an added line in `after`'s sections, a removed one in
 * `before`'s — so appending a new section names the new one, not the one
 * above the blank line it starts with (issue 16).
 */
export function summarizeEdit(before: string, after: string): EditSummary {
  const inAfter = sectionNamer(after);
  const inBefore = sectionNamer(before);
  const sections: string[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const part of diffLines(before, after)) {
    const count = part.count ?? 0;
    if (part.added || part.removed) {
      const lines = part.value.split("\n").slice(0, count);
      const at = part.added ? newLine : oldLine;
      const nameOf = part.added ? inAfter : inBefore;
      const named = lines.map((l, k) => (l.trim() ? nameOf(at + k) : null)).filter((n): n is string => n !== null);
      // Only blank lines changed: they belong to the section around them.
      for (const name of named.length ? named : [part.added ? inAfter(Math.max(0, at - 1)) : inBefore(Math.max(0, at - 1))]) {
        if (!sections.includes(name)) sections.push(name);
      }
    }
    if (!part.added) oldLine += count;
    if (!part.removed) newLine += count;
  }
  // The +N −M of the chat message: the Markdown module's count, one definition app-wide.
  return { sections, ...changedLineStats(before, after) };
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** `Edit <section> on <branch>` — one, two, or a count of sections. */
export function editSubject(sections: string[], branch: string): string {
  const what =
    sections.length === 0
      ? "the document"
      : sections.length === 1
        ? clip(sections[0])
        : sections.length === 2
          ? `${clip(sections[0], 40)} and ${clip(sections[1], 40)}`
          : `${sections.length} sections`;
  return `Edit ${what} on ${branch}`;
}

// Markdown sections by ATX headings (`## Title`), for sending only the part
// of a very long document around a sub-thread's passage (§18 context).
// Headings inside fenced code blocks are not headings.

export type Heading = { start: number; level: number; title: string };
export type Section = { start: number; end: number; heading: Heading | null };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function listHeadings(doc: string): Heading[] {
  const headings: Heading[] = [];
  let fence: string | null = null;
  let offset = 0;
  for (const line of doc.split("\n")) {
    const f = FENCE.exec(line);
    if (f && (fence === null || (f[1][0] === fence[0] && f[1].length >= fence.length))) {
      fence = fence === null ? f[1] : null;
    } else if (fence === null) {
      const h = HEADING.exec(line.replace(/\r$/, ""));
      if (h) headings.push({ start: offset, level: h[1].length, title: (h[2] ?? "").trim() });
    }
    offset += line.length + 1;
  }
  return headings;
}

/**
 * The section holding `offset`: from the nearest heading at or before it to
 * the next heading of the same or a higher level. Text before the first
 * heading is a section without a heading.
 */
export function findEnclosingSection(doc: string, offset: number): Section {
  const headings = listHeadings(doc);
  let owner: Heading | null = null;
  for (const h of headings) if (h.start <= offset) owner = h;
  if (owner === null) return { start: 0, end: headings[0]?.start ?? doc.length, heading: null };
  const { start, level } = owner;
  const next = headings.find((h) => h.start > start && h.level <= level);
  return { start, end: next?.start ?? doc.length, heading: owner };
}

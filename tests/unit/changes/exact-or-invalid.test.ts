import { judgeChange } from "@/lib/ai/chat/judge-change";
import { applyMany, checkApplicable, countOccurrences } from "@/lib/changes/locate";
import { corpusFiles, readCorpusFile } from "@/tests/fixtures";
import { MESSY_DOC } from "@/tests/fixtures/ai/messy-replies";

// Issue 16, as a property: for any document and any block a model might
// send — a true quote, or one with its markup dropped, its lines re-wrapped,
// its quotes straightened — a card is pending only when its original occurs
// exactly once in the source, and accepting it never changes a byte outside
// that original's span. Seeded, so a failure reproduces.

function random(seed: number) {
  let s = seed;
  return (n: number) => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s % n);
}

type Mess = [string, (t: string) => string];
const MESSES: Mess[] = [
  ["as quoted", (t) => t],
  ["markup dropped", (t) => t.replace(/\*\*|__|[*_`~]/g, "")],
  ["links as their text", (t) => t.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")],
  ["lines re-wrapped", (t) => t.replace(/\n(?!\n)/g, " ")],
  ["spaces doubled", (t) => t.replace(/ /g, "  ")],
  ["quotes straightened", (t) => t.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')],
  ["trailing space trimmed", (t) => t.trimEnd()],
  ["list markers dropped", (t) => t.replace(/^[-*] /gm, "")],
];
const PROPOSALS = ["", "new text", "**bold** words", "- a list item\n- another", "# Heading\n\nParagraph.", "\u201cquoted\u201d", "line one\nline two"];

const documents = [MESSY_DOC, ...corpusFiles().slice(0, 20).map(readCorpusFile)];

it.each(documents.map((doc, i) => [i, doc] as const))("document %i: pending only when exact and unique; accepting touches only the original's span", (i, doc) => {
  const rnd = random(1000 + i);
  let pending = 0;
  for (let n = 0; n < 300; n++) {
    const start = rnd(doc.length);
    const quoted = doc.slice(start, start + 1 + rnd(120));
    const [, mess] = MESSES[rnd(MESSES.length)];
    const original = mess(quoted);
    const proposed = PROPOSALS[rnd(PROPOSALS.length)];
    const verdict = judgeChange({ doc, change: { original, proposed }, onMain: false, scope: null });
    const occurrences = countOccurrences(doc, original).count;
    if (verdict.status !== "pending") {
      expect(verdict.status).toBe("invalid");
      expect(verdict.statusReason).toEqual(expect.any(String));
      continue;
    }
    pending++;
    expect(occurrences).toBe(1);
    const check = checkApplicable(doc, original);
    if (!check.ok) throw new Error(`pending but not applicable: ${JSON.stringify(original)}`);
    const { span } = check;
    expect(doc.slice(span.start, span.end)).toBe(original);
    const applied = applyMany(doc, [{ id: "c", span, proposed }]);
    if (!applied.ok) throw new Error(applied.message);
    expect(applied.text.slice(0, span.start)).toBe(doc.slice(0, span.start));
    expect(applied.text.slice(span.start, span.start + proposed.length)).toBe(proposed);
    expect(applied.text.slice(span.start + proposed.length)).toBe(doc.slice(span.end));
  }
  expect(pending).toBeGreaterThan(20); // the property was exercised, not only its invalid side
});

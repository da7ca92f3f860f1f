import { corpusFiles, readCorpusFile } from "@/tests/fixtures";

// Text for the benchmark's RFCs, cut from the Markdown corpus of real RFCs
// (tests/fixtures/markdown), so titles, summaries and bodies have the words,
// the lengths and the word frequencies a search meets in practice.

export type Corpus = { paragraphs: string[]; headings: string[] };

export function loadCorpus(): Corpus {
  const paragraphs: string[] = [];
  const headings: string[] = [];
  for (const file of corpusFiles()) {
    const prose = readCorpusFile(file).replace(/^(```|~~~)[\s\S]*?^\1[^\n]*$/gm, "");
    for (const block of prose.split(/\n\s*\n/)) {
      const text = block.trim();
      if (text.startsWith("|") || text.startsWith("<")) continue;
      const heading = /^#{1,4}\s+(.+)$/.exec(text);
      if (heading && heading[1].length < 60) headings.push(heading[1].replace(/[`*_]/g, ""));
      else if (!text.startsWith("#") && text.length > 120 && text.length < 1200) paragraphs.push(text);
    }
  }
  return { paragraphs, headings };
}

/** A deterministic pseudo-random sequence (the same RFCs on every run). */
export function rng(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** An RFC body of about 2–4 KB: a Summary and two or three more sections. */
export function bodyFor(c: Corpus, i: number): string {
  const r = rng(i * 7919 + 13);
  const pick = () => c.paragraphs[Math.floor(r() * c.paragraphs.length)];
  const sections = ["Motivation", "Design", "Drawbacks", "Alternatives"].slice(0, 2 + Math.floor(r() * 2));
  return [`## Summary\n\n${pick()}`, ...sections.map((s) => `## ${s}\n\n${pick()}\n\n${pick()}`)].join("\n\n") + "\n";
}

export function titleFor(c: Corpus, i: number): string {
  const r = rng(i * 104729 + 7);
  return `${c.headings[Math.floor(r() * c.headings.length)]} (${i})`;
}

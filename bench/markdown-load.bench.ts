import { readFileSync } from "node:fs";
import path from "node:path";
import { createMarkdownDocument } from "@/lib/markdown";

// Issue 15 item 6, the part that runs in any JavaScript engine: loading the
// 86 KB corpus document for the editor (createMarkdownDocument), and saving
// it after a one-word edit. The browser figure ("86 KB document editable")
// adds tiptap's view on top of the load.

const FILE = path.join(__dirname, "..", "tests", "fixtures", "markdown", "3392-leadership-council.md");
const RUNS = Number(process.env.BENCH_MD_RUNS ?? 20);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export default async function run(): Promise<void> {
  const source = readFileSync(FILE, "utf8");
  const load: number[] = [];
  const save: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    const md = createMarkdownDocument(source);
    const t1 = performance.now();
    const doc = structuredClone(md.doc);
    const para = doc.content?.find((n) => n.type === "paragraph" && n.content?.[0]?.type === "text");
    if (para?.content?.[0]) para.content[0].text = `Edited ${para.content[0].text}`;
    md.save(doc);
    const t2 = performance.now();
    if (i < 3) continue; // three warm-up runs
    load.push(t1 - t0);
    save.push(t2 - t1);
  }
  const row = (label: string, xs: number[]) => console.log(`${label.padEnd(44)} median ${pct(xs, 50).toFixed(0).padStart(4)} ms   p95 ${pct(xs, 95).toFixed(0).padStart(4)} ms`);
  console.log(`${(source.length / 1024).toFixed(0)} KB document, ${RUNS} runs`);
  row("createMarkdownDocument (load for the editor)", load);
  row("save after a one-word edit (from JSON)", save);
}

// npm run md:roundtrip -- <files or folders…> — §8 Markdown fidelity check:
// a no-op load → save must give back the same bytes; a one-word edit in a
// paragraph, a list item and a table cell must change only that block's lines.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { changedLineStats, createMarkdownDocument } from "@/lib/markdown";
import { type EditTarget, oneWordEdit } from "@/lib/markdown/sample-edits";

const TARGETS: Array<[EditTarget, string]> = [
  ["paragraph", "paragraph"],
  ["listItem", "list item"],
  ["tableCell", "table cell"],
];

function expand(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p).filter((f) => f.endsWith(".md")).sort().map((f) => join(p, f))
      : [p],
  );
}

const files = expand(process.argv.slice(2));
if (files.length === 0) {
  console.error("usage: npm run md:roundtrip -- <file.md | folder>…");
  process.exit(2);
}

let identical = 0;
const edits = { total: 0, singleLine: 0 };
for (const file of files) {
  const source = readFileSync(file, "utf8");
  const md = createMarkdownDocument(source);
  const same = md.save(md.doc) === source;
  if (same) identical++;
  const cells = [same ? "no-op identical" : "no-op DIFFERS"];
  for (const [target, label] of TARGETS) {
    const edit = oneWordEdit(md.doc, target, basename(file).length);
    if (!edit) continue;
    const { added, removed } = changedLineStats(source, md.save(edit.doc));
    edits.total++;
    if (added === 1 && removed === 1) edits.singleLine++;
    cells.push(`${label} "${edit.word}": +${added} −${removed}`);
  }
  console.log(`${basename(file)}  ${cells.join("  ")}`);
}
if (edits.total > 0) {
  const share = ((100 * edits.singleLine) / edits.total).toFixed(1);
  console.log(`one-word edits changing a single line: ${edits.singleLine}/${edits.total} (${share} %)`);
}
console.log(`identical ${identical}/${files.length}`);
process.exit(identical === files.length ? 0 : 1);

import { diffArrays } from "diff";
import { wordDiff, type DiffSegment } from "@/lib/changes/word-diff";
import { blockTypeOf, lexBlocks, renderMarkdown } from "./markdown-render";
import { closeMark, keepLinePrefixes, openMark, sentinelsToHtml } from "./marks";

// §8.10 DiffView: the branch against main, rendered. Top-level blocks are
// matched by their text; a removed block next to an added one that is
// similar enough is shown as one changed block with word-level marks inside.

export type DiffBlock = { kind: "same" | "added" | "removed" | "changed"; html: string };
export type DiffSummary = { added: number; removed: number; changed: number };

const key = (raw: string) => raw.replace(/\s+$/, "");

/** Share of characters the two texts have in common, by word diff (0…1). */
export function similarity(segments: readonly DiffSegment[]): number {
  let same = 0;
  let differ = 0;
  for (const s of segments) {
    if (s.kind === "same") same += s.text.length;
    else differ += s.text.length;
  }
  // A "same" run is in both texts, so it counts twice against the total.
  return same + differ ? (2 * same) / (2 * same + differ) : 1;
}

/** The merged source of a changed block: removed words struck, added words inserted. */
export function mergedSource(segments: readonly DiffSegment[]): string {
  return keepLinePrefixes(
    segments.map((s) => (s.kind === "same" ? s.text : s.kind === "removed" ? openMark("del") + s.text + closeMark("del") : openMark("ins") + s.text + closeMark("ins"))).join(""),
  );
}

export function diffDocuments(base: string, head: string): { blocks: DiffBlock[]; summary: DiffSummary } {
  const a = lexBlocks(base);
  const b = lexBlocks(head);
  const defs = [a.defs, b.defs].filter(Boolean).join("\n");
  const render = (raw: string) => renderMarkdown(raw, defs);
  const blocks: DiffBlock[] = [];
  const summary: DiffSummary = { added: 0, removed: 0, changed: 0 };
  let removed: string[] = [];
  let added: string[] = [];

  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      const r = removed[i];
      const n = added[i];
      if (i < pairs) {
        const segments = wordDiff(r, n);
        const merged = mergedSource(segments);
        // Word marks only when the block kept its kind (a paragraph that became
        // a heading is shown as removed + added) and enough of it is the same.
        if (similarity(segments) >= 0.4 && blockTypeOf(r) === blockTypeOf(n) && blockTypeOf(merged) === blockTypeOf(n)) {
          blocks.push({ kind: "changed", html: sentinelsToHtml(render(merged)) });
          summary.changed++;
          continue;
        }
      }
      if (r !== undefined) {
        blocks.push({ kind: "removed", html: render(r) });
        summary.removed++;
      }
      if (n !== undefined) {
        blocks.push({ kind: "added", html: render(n) });
        summary.added++;
      }
    }
    removed = [];
    added = [];
  };

  for (const part of diffArrays(a.blocks.map((x) => key(x.raw)), b.blocks.map((x) => key(x.raw)))) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) added.push(...part.value);
    else {
      flush();
      for (const raw of part.value) blocks.push({ kind: "same", html: render(raw) });
    }
  }
  flush();
  return { blocks, summary };
}

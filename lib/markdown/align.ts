import { diffArrays } from "diff";

/** How an old sequence (blocks, list items, table rows) became a new one. */
export type Op =
  | { kind: "keep"; old: number; new: number }
  | { kind: "modify"; old: number; new: number }
  | { kind: "delete"; old: number }
  | { kind: "insert"; new: number };

/** Similarity of old item `o` and new item `n` in (0, 1], or 0 when they cannot be the same item edited. */
export type Similarity = (o: number, n: number) => number;

// Above this many candidate pairs in one changed run, pair in order instead of by similarity.
const MAX_PAIRINGS = 10_000;

/**
 * Align two sequences by their keys (equal key = unchanged item). Inside each
 * changed run, old and new items are paired (→ "modify") so that the pairs
 * keep their order and are as similar as possible; the rest are deletions and
 * insertions. A modified block keeps its place and its neighbours' bytes.
 */
export function alignSequences(oldKeys: string[], newKeys: string[], similarity: Similarity): Op[] {
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    ops.push(...pairRun(removed, added, similarity));
    removed = [];
    added = [];
  };
  for (const change of diffArrays(oldKeys, newKeys)) {
    const count = change.count ?? change.value.length;
    if (change.removed) for (let k = 0; k < count; k++) removed.push(i++);
    else if (change.added) for (let k = 0; k < count; k++) added.push(j++);
    else {
      flush();
      for (let k = 0; k < count; k++) ops.push({ kind: "keep", old: i++, new: j++ });
    }
  }
  flush();
  return ops;
}

function pairRun(removed: number[], added: number[], similarity: Similarity): Op[] {
  const r = removed.length;
  const a = added.length;
  if (r === 0 || a === 0 || r * a > MAX_PAIRINGS) {
    return inOrder(removed, added, similarity);
  }
  // best[x][y]: best total similarity pairing removed[x..] with added[y..].
  const best = Array.from({ length: r + 1 }, () => new Float64Array(a + 1));
  const score = Array.from({ length: r }, (_, x) => added.map((n) => similarity(removed[x], n)));
  for (let x = r - 1; x >= 0; x--) {
    for (let y = a - 1; y >= 0; y--) {
      const pair = score[x][y] > 0 ? score[x][y] + best[x + 1][y + 1] : -1;
      best[x][y] = Math.max(pair, best[x + 1][y], best[x][y + 1]);
    }
  }
  const ops: Op[] = [];
  let x = 0;
  let y = 0;
  while (x < r && y < a) {
    if (score[x][y] > 0 && best[x][y] === score[x][y] + best[x + 1][y + 1]) {
      ops.push({ kind: "modify", old: removed[x++], new: added[y++] });
    } else if (best[x][y] === best[x + 1][y]) ops.push({ kind: "delete", old: removed[x++] });
    else ops.push({ kind: "insert", new: added[y++] });
  }
  while (x < r) ops.push({ kind: "delete", old: removed[x++] });
  while (y < a) ops.push({ kind: "insert", new: added[y++] });
  return ops;
}

function inOrder(removed: number[], added: number[], similarity: Similarity): Op[] {
  const ops: Op[] = [];
  const n = Math.max(removed.length, added.length);
  for (let k = 0; k < n; k++) {
    const o = removed[k];
    const m = added[k];
    if (o !== undefined && m !== undefined && similarity(o, m) > 0) ops.push({ kind: "modify", old: o, new: m });
    else {
      if (o !== undefined) ops.push({ kind: "delete", old: o });
      if (m !== undefined) ops.push({ kind: "insert", new: m });
    }
  }
  return ops;
}

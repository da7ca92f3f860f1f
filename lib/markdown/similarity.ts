import type { JSONContent } from "@tiptap/core";
import type { Similarity } from "./align";
import { flatten } from "./flatten";

/**
 * How alike old node `o` and new node `n` are: 0 for different node types
 * (never paired), otherwise the share of their content in common at the
 * start and end, so an edited block pairs with its own original.
 */
export function nodeSimilarity(oldNodes: JSONContent[], newNodes: JSONContent[]): Similarity {
  const memo = new Map<JSONContent, string[]>();
  const keys = (node: JSONContent) => {
    let k = memo.get(node);
    if (!k) memo.set(node, (k = flatten(node).map((u) => u.key)));
    return k;
  };
  return (o, n) => {
    const a = oldNodes[o];
    const b = newNodes[n];
    if (a.type !== b.type) return 0;
    const x = keys(a);
    const y = keys(b);
    const max = Math.min(x.length, y.length);
    let p = 0;
    while (p < max && x[p] === y[p]) p++;
    let s = 0;
    while (s < max - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
    return 0.01 + (0.99 * (p + s)) / Math.max(x.length, y.length, 1);
  };
}

import { resolveAnchor, type Block } from "@/lib/anchors";
import type { ThreadSummary } from "@/lib/contracts";
import { documentBlocks } from "./blocks";

// Where each sub-thread's passage is in a text the browser holds (§8.12).
// The server places anchors in the branch's text when the threads are read;
// the view re-places them in the text it shows, so a highlight is drawn
// where the passage is now — after a save, another person's save or an
// accepted change — however the two requests were ordered. Client-safe.

/** The threads with anchorState / anchorRange for `text`; main threads and threads without an anchor are left as they are. */
export function placeThreads(text: string, threads: ThreadSummary[]): ThreadSummary[] {
  let blocks: Block[] | null = null;
  const blocksOf = () => (blocks ??= documentBlocks(text));
  return threads.map((t) => {
    if (t.kind === "main" || !t.anchor) return t;
    const at = resolveAnchor(text, t.anchor, blocksOf);
    const anchorRange = at.state === "attached" ? { start: at.start, end: at.end } : null;
    if (t.anchorState === at.state && t.anchorRange?.start === anchorRange?.start && t.anchorRange?.end === anchorRange?.end) return t;
    return { ...t, anchorState: at.state, anchorRange };
  });
}

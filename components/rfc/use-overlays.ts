"use client";

import { useMemo } from "react";
import { checkApplicable } from "@/lib/changes/locate";
import type { Change, ThreadSummary } from "@/lib/contracts";
import { nonOverlapping, type Overlay } from "@/lib/rfc-view/overlays";

// What is drawn over the read-only document: pending (and, on main, buffered)
// changes at the one place their original occurs (§8.10, never a guessed
// place), and the passages of attached sub-threads (§8.12). Refs index into
// the arrays passed in, so a click on a mark finds its card or thread.

export function useOverlays(text: string, changes: Change[], threads: ThreadSummary[], activeThreadId: string | null): Overlay[] {
  return useMemo(() => {
    const drawn: Overlay[] = [];
    const spans = changes.flatMap((c, ref) => {
      if (c.status !== "pending" && c.status !== "buffered") return [];
      const at = checkApplicable(text, c.original);
      return at.ok ? [{ type: "change" as const, start: at.span.start, end: at.span.end, proposed: c.editedText ?? c.proposed, ref }] : [];
    });
    drawn.push(...nonOverlapping(spans));
    threads.forEach((t, ref) => {
      if (t.kind === "main" || t.anchorState !== "attached" || !t.anchorRange) return;
      const { start, end } = t.anchorRange;
      if (end <= start || end > text.length) return;
      drawn.push({ type: "mark", kind: t.id === activeThreadId ? "hl-active" : "hl", start, end, ref });
    });
    return drawn;
  }, [text, changes, threads, activeThreadId]);
}

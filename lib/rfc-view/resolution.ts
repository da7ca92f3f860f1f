import type { MergePiece } from "@/lib/contracts";
import { joinSegments } from "@/lib/markdown/merge-blocks";

// The resolution view's choices (§12, §8.11): for each place both sides
// changed, mine, theirs, both, or text the person wrote. Pure, so the view
// and its tests agree on the bytes that are committed.

export type Conflict = Extract<MergePiece, { kind: "conflict" }>;
export type Pick = "mine" | "theirs" | "both";

const tail = (s: string) => /(?:\n[ \t]*)*$/.exec(s)?.[0] ?? "";

/** A side's text as it goes in; "both" puts mine first, then theirs, each kept whole. */
export function pickText(c: Conflict, pick: Pick): string {
  if (pick === "mine") return c.ours;
  if (pick === "theirs") return c.theirs;
  const mine = c.ours.replace(/(?:\n[ \t]*)*$/, "");
  return mine ? `${mine}\n\n${c.theirs}` : c.theirs;
}

/**
 * Text written in the box, with the blank lines that separated the passage
 * from what follows (a box trimmed of its last newline must not glue the
 * next paragraph on).
 */
export function writtenText(c: Conflict, text: string): string {
  if (!text.trim()) return "";
  return text.replace(/(?:\n[ \t]*)*$/, "") + (tail(c.ours) || tail(c.theirs) || "\n");
}

/** The whole file: merged pieces as they are, each conflict as resolved (null = not yet). */
export function resolvedFile(segments: MergePiece[], resolved: (string | null)[]): string | null {
  if (resolved.some((r) => r === null)) return null;
  return joinSegments(segments, resolved as string[]);
}

export const conflictsOf = (segments: MergePiece[]): Conflict[] => segments.filter((g): g is Conflict => g.kind === "conflict");

import { z } from "zod";

// §8.12 sub-thread anchors, the shapes of docs/API.md `Anchor`.

export const CONTEXT_CHARS = 32; // context kept on each side of a quoted range

export const rangeAnchorSchema = z.object({
  kind: z.literal("range"),
  quote: z.string().min(1).max(4000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});

export const paragraphAnchorSchema = z.object({
  kind: z.literal("paragraph"),
  blockIndex: z.number().int().min(0),
  blockText: z.string().min(1).max(20000),
});

export const anchorSchema = z.discriminatedUnion("kind", [rangeAnchorSchema, paragraphAnchorSchema]);

export type RangeAnchor = z.infer<typeof rangeAnchorSchema>;
export type ParagraphAnchor = z.infer<typeof paragraphAnchorSchema>;
export type Anchor = z.infer<typeof anchorSchema>;

/** Where an anchor sits in the current text; detached means its text is gone (never guessed). */
export type Resolved = { state: "attached"; start: number; end: number } | { state: "detached" };

/** A block of the document as lib/markdown's blockRanges reports it: offsets into the source. */
export type Block = { start: number; end: number };

/** Parses a stored anchor (JSON text); null when absent or malformed. */
export function parseAnchor(json: string | null | undefined): Anchor | null {
  if (!json) return null;
  try {
    const result = anchorSchema.safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

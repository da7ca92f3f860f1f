import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/entries/schema";

// §7 propose-an-idea form: one schema for the form (client) and the server action.

export const MAX_SLUG = 64;

/** "Streaming Sync: v2!" → "streaming-sync-v2" (the form's suggestion; the user may edit it). */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG)
    .replace(/-+$/, "");
}

const TAG = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** Tags typed as "a, b c": lowercase words, at most 10 (shared with the metadata form). */
export const tagsField = z
  .string()
  .default("")
  .transform((s) => [...new Set(s.split(/[\s,]+/).map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .refine((tags) => tags.every((t) => TAG.test(t)), "Tags are lowercase words with letters, digits and dashes")
  .refine((tags) => tags.length <= 10, "At most 10 tags");

export const proposeInput = z.object({
  title: z.string().trim().min(3, "Give the idea a title of at least 3 characters").max(120, "Keep the title under 120 characters"),
  slug: z
    .string()
    .trim()
    .min(1, "A slug is needed")
    .max(MAX_SLUG, `At most ${MAX_SLUG} characters`)
    .regex(SLUG_PATTERN, "Lowercase letters, digits and single dashes only (e.g. streaming-sync)"),
  summary: z.string().trim().min(1, "Say in a few lines what the idea is").max(20_000, "Keep the summary under 20,000 characters"),
  tags: tagsField,
});

export type ProposeInput = z.infer<typeof proposeInput>;
export type ProposeValues = { title: string; slug: string; summary: string; tags: string };

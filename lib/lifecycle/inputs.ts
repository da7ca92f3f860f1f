import { z } from "zod";
import { tagsField } from "@/lib/catalog/propose-input";
import { DISPOSITIONS } from "./motion";

// The lifecycle forms' fields (§3): one schema for the dialog and the route.
// A missing or bad field answers 400 naming it (lib/http/fields.ts).

const said = (what: string, max = 2000) =>
  z
    .string({ error: `${what[0].toUpperCase()}${what.slice(1)} is needed` })
    .trim()
    .min(1, `Say ${what}`)
    .max(max, `Keep it under ${max.toLocaleString("en")} characters`);

export const withdrawInput = z.object({ reason: said("why the RFC is withdrawn") });

export const decisionInput = z.object({
  outcome: z.enum(["accepted", "rejected"], { error: "Choose accepted or rejected" }),
  rationale: said("why, in a sentence or two", 5000),
});

export const motionInput = z.object({
  disposition: z.enum(DISPOSITIONS, { error: "Choose accept, reject or postpone" }),
  summary: said("what the motion proposes and why", 5000),
});

export const concernInput = z.object({
  title: said("the concern in a few words", 120),
  text: said("what worries you and what would resolve it", 5000),
});

export const cancelInput = z.object({ reason: z.string().trim().max(2000, "Keep it under 2,000 characters").default("") });

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** Logins typed as "@alice, bob": each once, in the order given. */
const logins = (field: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .default("")
    .transform((v) => [...new Set((Array.isArray(v) ? v : v.split(/[\s,]+/)).map((s) => s.trim().replace(/^@/, "")).filter(Boolean))])
    .refine((xs) => xs.every((x) => LOGIN.test(x)), `${field} are Gitea logins (letters, digits, . _ -)`)
    .refine((xs) => xs.length <= 20, `At most 20 ${field}`);

export const metadataInput = z.object({
  title: z.string().trim().min(3, "Give the RFC a title of at least 3 characters").max(120, "Keep the title under 120 characters"),
  tags: z.preprocess((v) => (Array.isArray(v) ? v.join(",") : v), tagsField),
  owners: logins("Owners"),
  arbiters: logins("Arbiters"),
  signOffsNeeded: z.enum(["all", "majority"], { error: "Choose all or majority" }).default("all"),
  description: z.string().trim().max(2000, "Keep the note under 2,000 characters").default(""),
});

export type MetadataInput = z.infer<typeof metadataInput>;

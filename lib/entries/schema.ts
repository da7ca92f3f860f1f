import { z } from "zod";

// §3 frontmatter of a meta entry `rfcs/<slug>.md`. The YAML keys are
// snake_case; the app works with the camelCase fields below. Keys this
// schema does not know are kept verbatim on rewrite (§3 "Unknown keys are
// preserved").

export const ENTRY_STATES = ["super-draft", "active", "accepted", "rejected", "withdrawn"] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

/** Lowercase letters, digits and single dashes (§7). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** camelCase field → YAML key, in the order a new entry writes them. */
export const FIELD_KEYS = {
  slug: "slug",
  title: "title",
  state: "state",
  id: "id",
  repo: "repo",
  proposedBy: "proposed_by",
  proposedAt: "proposed_at",
  graduatedAt: "graduated_at",
  graduatedBy: "graduated_by",
  owners: "owners",
  arbiters: "arbiters",
  tags: "tags",
  // Written only once set: withdrawal (§3 state 5) and the arbiters' decision (§3 state 4).
  withdrawnReason: "withdrawn_reason",
  withdrawnAt: "withdrawn_at",
  withdrawnBy: "withdrawn_by",
  decisionRationale: "decision_rationale",
  decidedAt: "decided_at",
  decidedBy: "decided_by",
  // How many arbiters must sign off on a motion before its final comment period: all | majority (§3 state 4).
  signOffsNeeded: "sign_offs_needed",
} as const;

export type FieldName = keyof typeof FIELD_KEYS;
export const OPTIONAL_FIELDS = [
  "withdrawnReason",
  "withdrawnAt",
  "withdrawnBy",
  "decisionRationale",
  "decidedAt",
  "decidedBy",
  "signOffsNeeded",
] as const satisfies readonly FieldName[];
type OptionalField = (typeof OPTIONAL_FIELDS)[number];

// An empty YAML value (`id:`) parses as null: treat it as "".
const text = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? "" : String(v)));
// Lifecycle fields stay undefined when absent, so a rewrite does not add them.
const optionalText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === null ? "" : String(v)));
const list = z
  .union([z.array(z.union([z.string(), z.number()])), z.null()])
  .optional()
  .transform((v) => (v ?? []).map(String));

export const frontmatterSchema = z.object({
  slug: z.string().regex(SLUG_PATTERN, "slug must be lowercase letters, digits and dashes"),
  title: z.string().trim().min(1, "title is empty"),
  state: z.enum(ENTRY_STATES),
  id: text,
  repo: text,
  proposed_by: text,
  proposed_at: text,
  graduated_at: text,
  graduated_by: text,
  owners: list,
  arbiters: list,
  tags: list,
  withdrawn_reason: optionalText,
  withdrawn_at: optionalText,
  withdrawn_by: optionalText,
  decision_rationale: optionalText,
  decided_at: optionalText,
  decided_by: optionalText,
  sign_offs_needed: optionalText, // read as "majority" or else "all" (lib/lifecycle)
});

export type EntryFields = {
  slug: string;
  title: string;
  state: EntryState;
  id: string;
  repo: string;
  proposedBy: string;
  proposedAt: string;
  graduatedAt: string;
  graduatedBy: string;
  owners: string[];
  arbiters: string[];
  tags: string[];
} & Partial<Record<OptionalField, string>>;

/** A parsed entry: its fields, the keys Quorum does not know, and the body bytes. */
export type Entry = EntryFields & { extra: Record<string, unknown>; body: string };

/** What updateEntry may change. `null` removes an optional field or an extra key. */
export type EntryPatch = {
  [K in FieldName]?: K extends OptionalField ? string | null : EntryFields[K];
} & { body?: string; extra?: Record<string, unknown | null> };

import { z } from "zod";

// A motion toward a decision (§3 state 4), kept in the entry's frontmatter as
// a `motion:` block so Git holds it: wiping the cache and one sweep bring it
// back, and a restart cannot lose it. Written only through the bot
// (lib/bot/write-motion.ts); the final comment period is derived from it
// (fcp-status.ts), never stored as a second truth.
//
//   motion:
//     id: m-20260301T100000Z
//     disposition: accept            # accept | reject | postpone
//     summary: Why we should accept.
//     moved_by: olive
//     moved_at: 2026-03-01T10:00:00.000Z
//     period_days: 10                # FCP_DAYS when it was moved
//     sign_offs:
//       - by: arnold
//         at: 2026-03-01T11:00:00.000Z
//     concerns:
//       - id: c1
//         title: Migration path
//         text: What happens to existing clients?
//         by: beth
//         at: …
//         resolved_at: …             # only its author resolves it
//     outcome: accepted              # once closed: accepted | rejected | postponed | cancelled | superseded
//     closed_at: …
//     closed_by: olive

export const DISPOSITIONS = ["accept", "reject", "postpone"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const OUTCOMES = ["accepted", "rejected", "postponed", "cancelled", "superseded"] as const;
export type MotionOutcome = (typeof OUTCOMES)[number];

export type SignOff = { by: string; at: string };
export type Concern = { id: string; title: string; text: string; by: string; at: string; resolvedAt?: string };
export type Motion = {
  id: string;
  disposition: Disposition;
  summary: string;
  movedBy: string;
  movedAt: string;
  periodDays: number;
  signOffs: SignOff[];
  concerns: Concern[];
  outcome?: MotionOutcome;
  closedAt?: string;
  closedBy?: string;
};

const str = z.union([z.string(), z.number()]).transform(String);
const yamlSchema = z.object({
  id: str,
  disposition: z.enum(DISPOSITIONS),
  summary: str.default(""),
  moved_by: str,
  moved_at: str,
  period_days: z.coerce.number().positive(),
  sign_offs: z.array(z.object({ by: str, at: str })).nullish().transform((v) => v ?? []),
  concerns: z
    .array(z.object({ id: str, title: str, text: str.default(""), by: str, at: str, resolved_at: str.optional() }))
    .nullish()
    .transform((v) => v ?? []),
  outcome: z.enum(OUTCOMES).optional(),
  closed_at: str.optional(),
  closed_by: str.optional(),
});

export type MotionRead = { motion: Motion | null; problem: string | null };

/** The `motion:` value of a frontmatter; a malformed block is reported, never thrown (one bad entry must not stop a sweep). */
export function readMotion(frontmatter: Record<string, unknown>): MotionRead {
  const raw = frontmatter.motion;
  if (raw === undefined || raw === null) return { motion: null, problem: null };
  const parsed = yamlSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { motion: null, problem: `motion.${issue?.path.join(".")}: ${issue?.message}` };
  }
  const m = parsed.data;
  return {
    problem: null,
    motion: {
      id: m.id,
      disposition: m.disposition,
      summary: m.summary,
      movedBy: m.moved_by,
      movedAt: m.moved_at,
      periodDays: m.period_days,
      signOffs: m.sign_offs,
      concerns: m.concerns.map((c) => ({ id: c.id, title: c.title, text: c.text, by: c.by, at: c.at, ...(c.resolved_at ? { resolvedAt: c.resolved_at } : {}) })),
      ...(m.outcome ? { outcome: m.outcome } : {}),
      ...(m.closed_at ? { closedAt: m.closed_at } : {}),
      ...(m.closed_by ? { closedBy: m.closed_by } : {}),
    },
  };
}

/** The YAML value of a motion, keys in a fixed order so a rewrite moves only the lines that changed. */
export function motionYaml(m: Motion): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: m.id,
    disposition: m.disposition,
    summary: m.summary,
    moved_by: m.movedBy,
    moved_at: m.movedAt,
    period_days: m.periodDays,
    sign_offs: m.signOffs.map((s) => ({ by: s.by, at: s.at })),
    concerns: m.concerns.map((c) => ({ id: c.id, title: c.title, text: c.text, by: c.by, at: c.at, ...(c.resolvedAt ? { resolved_at: c.resolvedAt } : {}) })),
  };
  if (m.outcome) Object.assign(out, { outcome: m.outcome, closed_at: m.closedAt, closed_by: m.closedBy });
  return out;
}

export const isOpen = (m: Motion | null): m is Motion => !!m && !m.outcome;

/** `m-20260301T100000Z` from the moment it was moved: one motion per entry at a time. */
export const motionId = (at: string) => `m-${at.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`;

export const OUTCOME_OF: Record<Disposition, MotionOutcome> = { accept: "accepted", reject: "rejected", postpone: "postponed" };

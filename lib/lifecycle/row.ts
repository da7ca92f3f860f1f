import { fcpStatus, signOffRule } from "./fcp-status";
import { isOpen, readMotion, type Disposition } from "./motion";

// What a catalog row says about an RFC's lifecycle (§7 rows, §3): why it was
// withdrawn, what was decided, or where its motion stands with the final
// comment period's end. From the cached frontmatter; pure.

export type RowLifecycle =
  | { kind: "withdrawn"; reason: string; at: string }
  | { kind: "decided"; outcome: "accepted" | "rejected"; rationale: string; at: string }
  | {
      kind: "motion";
      disposition: Disposition;
      phase: "gathering" | "running" | "paused" | "due";
      signed: number;
      needed: number | null;
      openConcerns: number;
      endsAt: string | null;
      remainingMs: number | null;
    }
  | { kind: "unclaimed" };

const text = (v: unknown) => (typeof v === "string" ? v : v == null ? "" : String(v));

export function rowLifecycle(args: { state: string; frontmatter: string; owners: string[]; arbiters: string[]; now: number }): RowLifecycle | null {
  const { state, owners, arbiters, now } = args;
  if (state === "super-draft") return owners.length ? null : { kind: "unclaimed" };
  let fm: Record<string, unknown>;
  try {
    fm = JSON.parse(args.frontmatter || "{}") as Record<string, unknown>;
  } catch {
    return null;
  }
  if (state === "withdrawn") return { kind: "withdrawn", reason: text(fm.withdrawn_reason), at: text(fm.withdrawn_at) };
  if (state === "accepted" || state === "rejected") return { kind: "decided", outcome: state, rationale: text(fm.decision_rationale), at: text(fm.decided_at) };
  if (state !== "active") return null;
  const { motion } = readMotion(fm);
  if (!isOpen(motion)) return null;
  const s = fcpStatus({ motion, arbiters, rule: signOffRule(text(fm.sign_offs_needed)), now });
  if (s.phase === "closed") return null;
  return {
    kind: "motion",
    disposition: motion.disposition,
    phase: s.phase,
    signed: s.signedOff.length,
    needed: Number.isFinite(s.needed) ? s.needed : null,
    openConcerns: s.openConcerns.length,
    endsAt: s.endsAt,
    remainingMs: s.remainingMs,
  };
}

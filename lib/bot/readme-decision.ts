// §3 state 4: the per-RFC repo's README shows the arbiters' decision.

export type Decision = {
  outcome: "accepted" | "rejected";
  rationale: string;
  /** Logins of who decided (the arbiter, or those who signed off on the motion). */
  by: string[];
  /** ISO time of the decision. */
  at: string;
  /** How it was reached, e.g. "after a 10-day final comment period on a motion by @olive". */
  via?: string;
};

/** The decision fields of a meta entry (§3), or null when it is not decided. */
export function decisionOfEntry(entry: { state: string; decisionRationale?: string; decidedAt?: string; decidedBy?: string }): Decision | null {
  if (entry.state !== "accepted" && entry.state !== "rejected") return null;
  return {
    outcome: entry.state,
    rationale: entry.decisionRationale ?? "",
    by: (entry.decidedBy ?? "").split(/[\s,]+/).filter(Boolean),
    at: entry.decidedAt ?? "",
  };
}

/**
 * §3 state 4: the README shows the decision in a `## Decision` section,
 * replacing an earlier one so the file states the final outcome once. The
 * text depends only on the decision, so writing it twice changes nothing.
 */
export function readmeWithDecision(readme: string, d: Decision): string {
  const label = d.outcome === "accepted" ? "Accepted" : "Rejected";
  const who = d.by.length ? ` by ${d.by.map((l) => `@${l}`).join(", ")}` : "";
  const quoted = (d.rationale.trim() || "(no rationale given)").split("\n").map((l) => `> ${l}`.trimEnd()).join("\n");
  const via = d.via ? ` ${d.via.trim()}` : "";
  const section = `## Decision\n\n**${label}** on ${d.at.slice(0, 10)}${who}${via}.\n\n${quoted}\n`;
  const start = readme.search(/^## Decision[ \t]*$/m);
  if (start === -1) return `${readme.trimEnd()}\n\n${section}`;
  const rest = readme.slice(start + 1);
  const next = rest.search(/^## /m);
  const after = next === -1 ? "" : `\n${rest.slice(next)}`;
  return `${readme.slice(0, start)}${section}${after}`;
}

// §3 state 4: the per-RFC repo's README shows the arbiters' decision.

export type Decision = { outcome: "accepted" | "rejected"; rationale: string; by: string; at: string };

/**
 * §3 state 4: the README shows the decision in a `## Decision` section,
 * replacing an earlier one so the file states the final outcome once.
 */
export function readmeWithDecision(readme: string, d: Decision): string {
  const label = d.outcome === "accepted" ? "Accepted" : "Rejected";
  const quoted = d.rationale.trim().split("\n").map((l) => `> ${l}`.trimEnd()).join("\n");
  const section = `## Decision\n\n**${label}** on ${d.at.slice(0, 10)} by ${d.by}.\n\n${quoted}\n`;
  const start = readme.search(/^## Decision[ \t]*$/m);
  if (start === -1) return `${readme.trimEnd()}\n\n${section}`;
  const rest = readme.slice(start + 1);
  const next = rest.search(/^## /m);
  const after = next === -1 ? "" : `\n${rest.slice(next)}`;
  return `${readme.slice(0, start)}${section}${after}`;
}

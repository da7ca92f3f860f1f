import type { Trailers } from "@/lib/bot/trailers";

// §8.9 the commit of an accepted change: a one-line subject, a structured body
// (Original / Proposed / Reason for each change) and the trailers Change-Id,
// Source-Message-Id, AI-Model (provider:model), Edited-Before-Accept: yes and
// AI-Repaired: yes (the model's block was corrected by a repair, issue 16).
// commitFiles adds On-behalf-of (§6.5). Texts are indented by four spaces so
// no line of a document can pass for a heading or a trailer.

export type AcceptedChange = {
  id: string;
  messageId: string | null;
  modelId: string | null;
  original: string;
  /** What is committed: the edited text when edited before accept. */
  proposed: string;
  reason: string;
  /** The AI's own proposal when a person edited it first. */
  aiProposed: string | null;
  /** The block came from a repair request (issue 16). */
  repaired?: boolean;
};

const SUBJECT_MAX = 72;

const indent = (text: string) => (text === "" ? "    (empty)" : text.replace(/\r\n/g, "\n").split("\n").map((l) => `    ${l}`.trimEnd()).join("\n"));
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim().replace(/[.;:,\s]+$/, "");

function clip(prefix: string, text: string): string {
  const room = SUBJECT_MAX - prefix.length;
  return prefix + (text.length > room ? `${text.slice(0, room - 1).trimEnd()}…` : text);
}

export function changeSubject(changes: readonly AcceptedChange[], branch: string): string {
  const reasons = changes.map((c) => oneLine(c.reason)).filter(Boolean);
  if (changes.length === 1) return reasons[0] ? clip("Apply change: ", reasons[0]) : `Apply change on ${branch}`;
  return clip(`Apply ${changes.length} changes: `, reasons.join("; ") || `on ${branch}`);
}

function section(c: AcceptedChange): string {
  const parts = [`Original:\n${indent(c.original)}`, `Proposed:\n${indent(c.proposed)}`, `Reason:\n${indent(oneLine(c.reason) || "(none given)")}`];
  if (c.aiProposed !== null) parts.push(`Proposed by the AI before editing:\n${indent(c.aiProposed)}`);
  return parts.join("\n\n");
}

export function changeBody(changes: readonly AcceptedChange[]): string {
  if (changes.length === 1) return section(changes[0]);
  return changes.map((c, i) => `Change ${i + 1} of ${changes.length} (${c.id})\n\n${section(c)}`).join("\n\n");
}

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];

export function changeTrailers(changes: readonly AcceptedChange[]): Trailers {
  const trailers: Trailers = changes.map((c) => ["Change-Id", c.id]);
  for (const id of unique(changes.map((c) => c.messageId))) trailers.push(["Source-Message-Id", id]);
  for (const model of unique(changes.map((c) => c.modelId))) trailers.push(["AI-Model", model]);
  if (changes.some((c) => c.aiProposed !== null)) trailers.push(["Edited-Before-Accept", "yes"]);
  if (changes.some((c) => c.repaired)) trailers.push(["AI-Repaired", "yes"]);
  return trailers;
}

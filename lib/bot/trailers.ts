import type { BotActor } from "./actor";

// §6.5 accountability: every bot commit and PR body carries
// `On-behalf-of: Display Name <login>`; other trailers follow Git's format.

export type Trailers = [key: string, value: string][];

export function onBehalfOf(actor: BotActor): [string, string] {
  // A newline or angle bracket in a display name would break the trailer.
  const name = actor.name.replace(/[\r\n<>]+/g, " ").trim() || actor.login;
  return ["On-behalf-of", `${name} <${actor.login}>`];
}

/** Git's trailer block: one `Key: value` line each. */
export function trailerBlock(trailers: Trailers): string {
  return trailers.map(([k, v]) => `${k}: ${v.replace(/\n/g, " ")}`).join("\n");
}

/** Subject, optional body, then one trailer block. */
export function composeMessage(subject: string, body: string | null, trailers: Trailers): string {
  return composeBody([subject.replace(/\s*\n\s*/g, " ").trim(), body], trailers);
}

/** Paragraphs (empty ones dropped) followed by the trailer block: PR bodies, merge messages. */
export function composeBody(paragraphs: (string | null | undefined)[], trailers: Trailers): string {
  const parts = paragraphs.filter((p): p is string => !!p?.trim()).map((p) => p.trimEnd());
  if (trailers.length) parts.push(trailerBlock(trailers));
  return parts.join("\n\n") + "\n";
}

/** Reads trailers from the last paragraph of a commit message or PR body. */
export function parseTrailers(text: string): Record<string, string> {
  const paragraphs = text.replace(/\r\n/g, "\n").trimEnd().split(/\n{2,}/);
  const last = paragraphs[paragraphs.length - 1] ?? "";
  const out: Record<string, string> = {};
  for (const line of last.split("\n")) {
    const m = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** Every value of one trailer key in the last paragraph (a batch commit has several Change-Id). */
export function trailerValues(text: string, key: string): string[] {
  const paragraphs = text.replace(/\r\n/g, "\n").trimEnd().split(/\n{2,}/);
  const last = paragraphs[paragraphs.length - 1] ?? "";
  const prefix = `${key.toLowerCase()}:`;
  return last
    .split("\n")
    .filter((line) => line.toLowerCase().startsWith(prefix))
    .map((line) => line.slice(prefix.length).trim());
}

/** The login of an `On-behalf-of: Name <login>` trailer anywhere in the text. */
export function onBehalfOfLogin(text: string): string | null {
  const m = /^On-behalf-of:\s*.*<([^>\s]+)>\s*$/m.exec(text);
  return m ? m[1] : null;
}

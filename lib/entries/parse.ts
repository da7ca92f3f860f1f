import { parse as parseYaml } from "yaml";
import { FIELD_KEYS, frontmatterSchema, type Entry, type FieldName } from "./schema";
import { splitFrontmatter } from "./frontmatter";

export type ParseResult = { ok: true; entry: Entry } | { ok: false; reason: string };

const KNOWN_KEYS = new Set<string>(Object.values(FIELD_KEYS));

/** The frontmatter as a plain object, or a reason why it is not one. */
export function readFrontmatterObject(text: string): { ok: true; data: Record<string, unknown> } | { ok: false; reason: string } {
  const doc = splitFrontmatter(text);
  if (!doc) return { ok: false, reason: "no YAML frontmatter (the file must start with a --- fence and close it)" };
  let data: unknown;
  try {
    data = parseYaml(doc.lines.join("\n"), { prettyErrors: false }) ?? {};
  } catch (err) {
    return { ok: false, reason: `frontmatter is not valid YAML: ${err instanceof Error ? err.message.split("\n")[0] : err}` };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, reason: "frontmatter is not a mapping of keys to values" };
  }
  return { ok: true, data: data as Record<string, unknown> };
}

/**
 * Parses `rfcs/<slug>.md`. Never throws: bad input answers `{ ok: false, reason }`
 * so one broken entry never stops a sweep (§4).
 */
export function parseEntry(text: string): ParseResult {
  const raw = readFrontmatterObject(text);
  if (!raw.ok) return raw;
  const result = frontmatterSchema.safeParse(raw.data);
  if (!result.success) {
    const reason = result.error.issues
      .map((i) => `${i.path.join(".") || "frontmatter"}: ${i.message}`)
      .join("; ");
    return { ok: false, reason };
  }
  const fm = result.data;
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw.data)) if (!KNOWN_KEYS.has(k)) extra[k] = v;
  const entry: Entry = {
    slug: fm.slug,
    title: fm.title,
    state: fm.state,
    id: fm.id,
    repo: fm.repo,
    proposedBy: fm.proposed_by,
    proposedAt: fm.proposed_at,
    graduatedAt: fm.graduated_at,
    graduatedBy: fm.graduated_by,
    owners: fm.owners,
    arbiters: fm.arbiters,
    tags: fm.tags,
    extra,
    body: splitFrontmatter(text)?.body ?? "",
  };
  const optional: [FieldName, string | undefined][] = [
    ["withdrawnReason", fm.withdrawn_reason],
    ["withdrawnAt", fm.withdrawn_at],
    ["withdrawnBy", fm.withdrawn_by],
    ["decisionRationale", fm.decision_rationale],
    ["decidedAt", fm.decided_at],
    ["decidedBy", fm.decided_by],
    ["signOffsNeeded", fm.sign_offs_needed],
  ];
  for (const [field, value] of optional) if (value !== undefined) Object.assign(entry, { [field]: value });
  return { ok: true, entry };
}

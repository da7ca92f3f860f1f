import { Document, isSeq, stringify } from "yaml";
import { FIELD_KEYS, OPTIONAL_FIELDS, type EntryFields, type FieldName } from "./schema";

// Renders one top-level key as YAML lines. Lists are written as block lists
// (one item a line, so a diff shows who was added), unless the entry already
// used the flow style (`tags: [a, b]`) for that key.

const OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

export function renderKey(key: string, value: unknown, flow = false): string[] {
  let out: string;
  if (flow && Array.isArray(value)) {
    const doc = new Document({ [key]: value });
    const seq = doc.get(key, true);
    if (isSeq(seq)) seq.flow = true;
    out = doc.toString(OPTIONS);
  } else {
    out = stringify({ [key]: value }, OPTIONS);
  }
  return out.replace(/\n$/, "").split("\n");
}

export type NewEntry = EntryFields & { body?: string; extra?: Record<string, unknown> };

/** A fresh `rfcs/<slug>.md`: the §3 keys in a fixed order, then extra keys, then the body. */
export function serializeNewEntry(entry: NewEntry): string {
  const optional = new Set<FieldName>(OPTIONAL_FIELDS);
  const lines: string[] = [];
  for (const [field, key] of Object.entries(FIELD_KEYS) as [FieldName, string][]) {
    const value = entry[field];
    if (value === undefined && optional.has(field)) continue;
    lines.push(...renderKey(key, value ?? ""));
  }
  for (const [key, value] of Object.entries(entry.extra ?? {})) lines.push(...renderKey(key, value));
  return `---\n${lines.map((l) => `${l}\n`).join("")}---\n${entry.body ?? ""}`;
}

import { FIELD_KEYS, type EntryPatch, type FieldName } from "./schema";
import { joinFrontmatter, keyRange, splitFrontmatter } from "./frontmatter";
import { readFrontmatterObject } from "./parse";
import { renderKey } from "./serialize";

export class EntryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EntryError";
  }
}

// `id:` (null) and `id: ""` mean the same: do not rewrite one as the other.
const normal = (v: unknown): string => JSON.stringify(v === null || v === undefined ? "" : v);

/**
 * Applies a patch to an entry's text and returns the new text (§3): only the
 * lines of keys whose value changed are rewritten, new keys are appended at
 * the end of the frontmatter, unknown keys and comments stay, and the body
 * bytes are untouched unless `patch.body` is given.
 * Throws EntryError when the text has no parseable frontmatter.
 */
export function updateEntry(text: string, patch: EntryPatch): string {
  const doc = splitFrontmatter(text);
  const current = readFrontmatterObject(text);
  if (!doc || !current.ok) throw new EntryError(current.ok ? "no frontmatter" : current.reason);
  const lines = [...doc.lines];

  const apply = (key: string, value: unknown) => {
    if (value === undefined) return;
    const range = keyRange(lines, key);
    if (value === null) {
      if (range) lines.splice(range[0], range[1] - range[0]);
      return;
    }
    if (range && key in current.data && normal(current.data[key]) === normal(value)) return;
    // Keep a hand-written flow list (`tags: [a, b]`) in flow style; `[]` is just "empty".
    const flow = !!range && /:[ \t]*\[\s*[^\s\]]/.test(lines[range[0]]);
    const rendered = renderKey(key, value, flow);
    if (range) lines.splice(range[0], range[1] - range[0], ...rendered);
    else lines.push(...rendered);
  };

  for (const [field, key] of Object.entries(FIELD_KEYS) as [FieldName, string][]) apply(key, patch[field]);
  for (const [key, value] of Object.entries(patch.extra ?? {})) apply(key, value);

  const body = patch.body ?? doc.body;
  // A file ending right at the closing fence needs a line break before a new body.
  const close = body && !doc.close.endsWith("\n") ? doc.close + doc.eol : doc.close;
  return joinFrontmatter({ ...doc, lines, close, body });
}

// Meta entries `rfcs/<slug>.md` (§3): YAML frontmatter + Markdown body.
//
//   parseEntry(text)          → { ok: true, entry } | { ok: false, reason }   (never throws)
//   updateEntry(text, patch)  → new text; only changed keys' lines move, body kept unless patched
//   serializeNewEntry(fields) → text of a fresh entry (fixed key order)
//   metaBranch / parseMetaHead / entryPath — §9/§11 naming of meta branches and files
export { parseEntry, type ParseResult } from "./parse";
export { updateEntry, EntryError } from "./update";
export { serializeNewEntry, type NewEntry } from "./serialize";
export {
  ENTRY_STATES,
  SLUG_PATTERN,
  type Entry,
  type EntryFields,
  type EntryPatch,
  type EntryState,
} from "./schema";
export {
  metaBranch,
  parseMetaHead,
  entryPath,
  slugOfEntryPath,
  RESERVED_BRANCH_PREFIXES,
  type MetaHead,
  type MetaPrKind,
  type PrKind,
} from "./meta-branches";

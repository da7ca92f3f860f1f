import type { EntryState } from "@/lib/entries/schema";

// The catalog search box to an FTS5 query (§7, prisma/sql/catalog-search.sql).
// What people type is never FTS5 syntax: every word becomes a quoted string,
// so AND, OR, NOT, NEAR, column names, `*`, `^`, `:` and brackets are plain
// words, and no input can make the query fail. Each word matches as a prefix
// ("graduat" finds "graduation"), every word must occur (in any of title,
// summary and body), and "double quotes" search a phrase. Diacritics and
// case are folded by the index's tokenizer (unicode61, remove_diacritics 2).

const MAX_TERMS = 16;
const TEXT_COLUMNS = "{title summary body}";

/** Letters or digits in any script: a word the tokenizer will index. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The terms of a search box value: phrases (quoted) and words, as typed. */
export function searchTerms(input: string): { text: string; phrase: boolean }[] {
  const terms: { text: string; phrase: boolean }[] = [];
  // Control characters (a NUL above all) separate words; they never reach SQLite.
  const text = input.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, " ");
  for (const m of text.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const phrase = m[1] !== undefined;
    const text = (phrase ? m[1] : m[2]).trim();
    if (text && SEARCHABLE.test(text)) terms.push({ text, phrase });
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/**
 * The FTS5 MATCH expression for a search box value, restricted to the text
 * columns, or null when it holds nothing searchable (then there is no search).
 */
export function toFtsQuery(input: string): string | null {
  const terms = searchTerms(input);
  if (!terms.length) return null;
  // A phrase matches as typed; a word as a prefix (the prefix index keeps it cheap).
  const parts = terms.map((t) => (t.phrase ? quote(t.text) : `${quote(t.text)}*`));
  return `${TEXT_COLUMNS} : (${parts.join(" ")})`;
}

/** Narrows an FTS5 query to one state, inside the index (the state column is not ranked). */
export function inState(ftsQuery: string, state: EntryState): string {
  return `(${ftsQuery}) AND state : ${quote(state)}`;
}

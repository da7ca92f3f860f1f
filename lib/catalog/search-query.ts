import type { EntryState } from "@/lib/entries/schema";

// The catalog search box to the index's query (§7): an FTS5 query on SQLite
// (prisma/sql/catalog-search.sql), a tsquery on PostgreSQL
// (prisma/postgres/sql/catalog-search.sql), with one meaning. What people
// type is never query syntax: every word is a quoted string, so AND, OR, NOT,
// NEAR, column names, `*`, `^`, `:`, `&`, `!` and brackets are plain words,
// and no input can make the query fail. Each word matches as a prefix
// ("graduat" finds "graduation"), every word must occur (in any of title,
// summary and body), and "double quotes" search a phrase. Punctuation
// separates words ("title:secret" is the phrase "title secret"). Diacritics
// and case are folded by the index (unicode61 remove_diacritics 2; unaccent).

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

/** Whether a search box value holds anything to search for (else there is no search). */
export const hasSearchTerms = (input: string) => searchTerms(input).length > 0;

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

// ASCII punctuation is a word separator on both sides of a PostgreSQL search:
// the indexed text goes through quorum_search_text(), which blanks the same
// characters (prisma/postgres/sql/catalog-search.sql), so "title:secret" and
// "e-mail" are two words there as in FTS5's unicode61.
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * The to_tsquery text (configuration quorum_search) for a search box value,
 * or null when it holds nothing searchable. A word's pieces form a phrase
 * whose last piece is a prefix, as FTS5 reads "NEAR(query"*; a phrase
 * matches as typed. Every piece is quoted, and no quote or backslash remains
 * in it, so nothing typed is tsquery syntax.
 */
export function toTsQuery(input: string): string | null {
  const parts: string[] = [];
  for (const term of searchTerms(input)) {
    const pieces = term.text.replace(ASCII_PUNCTUATION, " ").split(/\s+/).filter(Boolean);
    if (!pieces.length) continue;
    const quoted = pieces.map((p) => `'${p}'`);
    if (!term.phrase) quoted[quoted.length - 1] += ":*";
    parts.push(quoted.length > 1 ? `(${quoted.join(" <-> ")})` : quoted[0]);
  }
  return parts.length ? parts.join(" & ") : null;
}

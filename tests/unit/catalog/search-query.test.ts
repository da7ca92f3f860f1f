import { hasSearchTerms, inState, searchTerms, toFtsQuery, toTsQuery } from "@/lib/catalog/search-query";

// The search box never speaks FTS5: every word is a quoted string (§7, issue 15).
// What the index then finds is tested against SQLite in tests/integration/catalog.

describe("toFtsQuery", () => {
  it.each([
    { input: "sync", fts: '{title summary body} : ("sync"*)' },
    { input: "  streaming   sync ", fts: '{title summary body} : ("streaming"* "sync"*)' },
    { input: '"event log" audit', fts: '{title summary body} : ("event log" "audit"*)' },
    // Operators are words like any other, in any case.
    { input: "sync AND storage", fts: '{title summary body} : ("sync"* "AND"* "storage"*)' },
    { input: "a OR b NOT c", fts: '{title summary body} : ("a"* "OR"* "b"* "NOT"* "c"*)' },
    { input: "NEAR(sync storage, 3)", fts: '{title summary body} : ("NEAR(sync"* "storage,"* "3)"*)' },
    // Prefix stars, column filters, initial-token carets and brackets stay inside the quotes.
    { input: "sync*", fts: '{title summary body} : ("sync*"*)' },
    { input: "title:secret", fts: '{title summary body} : ("title:secret"*)' },
    { input: "^start {body}", fts: '{title summary body} : ("^start"* "{body}"*)' },
    // An unbalanced quote: the rest is the phrase.
    { input: 'say "hello world', fts: '{title summary body} : ("say"* "hello world")' },
    // Unicode words are words; the index folds case and diacritics.
    { input: "Überprüfung café", fts: '{title summary body} : ("Überprüfung"* "café"*)' },
    { input: "日本語", fts: '{title summary body} : ("日本語"*)' },
    // Control characters separate words and never reach SQLite.
    { input: "a\u0000b\tc\u007f", fts: '{title summary body} : ("a"* "b"* "c"*)' },
  ])("$input", ({ input, fts }) => {
    expect(toFtsQuery(input)).toBe(fts);
  });

  it.each(["", "   ", '""', '" "', "*", "- -- ***", "AND(", '"*"', "🙂", "()"].map((input) => ({ input })))(
    "nothing searchable in $input → no query",
    ({ input }) => {
      // AND( has letters: it is a word, not nothing.
      if (input === "AND(") expect(toFtsQuery(input)).toBe('{title summary body} : ("AND("*)');
      else expect(toFtsQuery(input)).toBeNull();
    },
  );

  it("a quote inside a word starts a phrase; it never reaches FTS5 outside a string", () => {
    expect(toFtsQuery('it"s')).toBe('{title summary body} : ("it"* "s")');
    expect(searchTerms('a"b"c')).toEqual([
      { text: "a", phrase: false },
      { text: "b", phrase: true },
      { text: "c", phrase: false },
    ]);
  });

  it("keeps at most 16 terms", () => {
    expect(searchTerms(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "))).toHaveLength(16);
  });

  it("narrows to a state inside the index", () => {
    expect(inState('{title summary body} : ("sync"*)', "super-draft")).toBe('({title summary body} : ("sync"*)) AND state : "super-draft"');
  });
});

// The same search box on PostgreSQL: pieces quoted for to_tsquery, ASCII
// punctuation a separator (as quorum_search_text() makes it in the index).
describe("toTsQuery", () => {
  it.each([
    { input: "sync", ts: "'sync':*" },
    { input: "  streaming   sync ", ts: "'streaming':* & 'sync':*" },
    { input: '"event log" audit', ts: "('event' <-> 'log') & 'audit':*" },
    { input: "sync AND storage", ts: "'sync':* & 'AND':* & 'storage':*" },
    // A word's pieces are a phrase whose last piece is a prefix, as FTS5 reads "NEAR(query"*.
    { input: "NEAR(query operators)", ts: "('NEAR' <-> 'query':*) & 'operators':*" },
    { input: "title:secret", ts: "('title' <-> 'secret':*)" },
    { input: "*star*", ts: "'star':*" },
    // Quotes, backslashes and tsquery operators never reach to_tsquery outside a piece.
    { input: "it's a\\b !x &y |z <->w", ts: "('it' <-> 's':*) & ('a' <-> 'b':*) & 'x':* & 'y':* & 'z':* & 'w':*" },
    { input: "Überprüfung 日本語", ts: "'Überprüfung':* & '日本語':*" },
    { input: 'say "hello world', ts: "'say':* & ('hello' <-> 'world')" },
  ])("$input", ({ input, ts }) => {
    expect(toTsQuery(input)).toBe(ts);
  });

  it.each(["", "   ", '""', "*", "- -- ***", "🙂", "()"])("nothing searchable in %j → no query", (input) => {
    expect(toTsQuery(input)).toBeNull();
    expect(hasSearchTerms(input)).toBe(false);
  });
});

-- Catalog search on PostgreSQL (§7, issue 19): what prisma/sql/catalog-search.sql's
-- FTS5 table does on SQLite, as a stored tsvector column of CachedRfc with a
-- GIN index. The queries are in lib/db/queries/search-index-postgres.ts.
--
-- Words are what FTS5's unicode61 tokenizer calls words: runs of letters and
-- digits in any script, case and diacritics folded. PostgreSQL's parser
-- tells letters from punctuation by the database's locale, so the database
-- must have a UTF-8 one (C.UTF-8, en_US.UTF-8…); in the C locale every
-- non-ASCII character would count as a letter ("café—prêt" one word).

DO $$
BEGIN
    IF (SELECT datctype FROM pg_database WHERE datname = current_database()) !~* 'utf-?8' THEN
        RAISE EXCEPTION 'Quorum needs a PostgreSQL database with a UTF-8 locale for its catalog search (this one''s LC_CTYPE is %); create it with: createdb --template=template0 --encoding=UTF8 --locale=C.UTF-8 <name>',
            (SELECT datctype FROM pg_database WHERE datname = current_database());
    END IF;
END
$$;

-- unaccent is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- simple (no stemming, no stop words, lower case) after unaccent, as
-- unicode61 with remove_diacritics 2. A hyphenated word is indexed as its
-- parts only, as unicode61 splits it.
CREATE TEXT SEARCH CONFIGURATION "quorum_search" (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION "quorum_search"
    ALTER MAPPING FOR asciiword, word, numword, hword_asciipart, hword_part, hword_numpart WITH unaccent, simple;
ALTER TEXT SEARCH CONFIGURATION "quorum_search" DROP MAPPING FOR asciihword, hword, numhword;

-- ASCII punctuation separates words, as in unicode61: without this the
-- parser keeps "title:secret", "a.b@c.org" or "/x/y.md" as one token. The
-- search box's words go through the same change (toTsQuery in
-- lib/catalog/search-query.ts).
CREATE FUNCTION "quorum_search_text"(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT translate(t, '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', '                                ')
$$;

-- Title (weight A), summary (B) and main text (C) of the entry, as FTS5's
-- columns. A tsvector holds at most 1 MB of distinct words, so the body is
-- indexed up to its first 200,000 characters (an RFC is far shorter).
-- Every row has one; the queries keep to valid entries as the catalog does.
ALTER TABLE "CachedRfc" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('quorum_search'::regconfig, "quorum_search_text"(title)), 'A')
    || setweight(to_tsvector('quorum_search'::regconfig, "quorum_search_text"(summary)), 'B')
    || setweight(to_tsvector('quorum_search'::regconfig, "quorum_search_text"(left(body, 200000))), 'C')
) STORED;

CREATE INDEX "CachedRfc_searchVector_idx" ON "CachedRfc" USING GIN ("searchVector");

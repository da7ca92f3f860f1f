-- Catalog search and filters (§7, issue 15). Prisma cannot declare FTS5
-- virtual tables or triggers, so this file holds them and
-- scripts/db-regen.mjs appends it to the init migration.
--
-- CachedRfcSearch indexes what the catalog shows: each entry's title,
-- summary and main text (the super-draft body or RFC.md on main), never a
-- branch, so nothing private (§8.3) can be found through it. It is an
-- external-content table over CachedRfc (the text is stored once) and the
-- triggers below keep it, CachedRfcState, CachedRfcTag and CachedRfcOwner
-- in step with every write to CachedRfc, whichever writer makes it (§4.1).
-- All four are derived: wiping the cache empties them and a sweep fills them again.
--
-- The index is keyed by CachedRfc's rowid. VACUUM may renumber the rowids
-- of a table without an INTEGER PRIMARY KEY: after one, wipe the cache
-- (a sweep rebuilds it and the index with it).

-- The state column lets a search be narrowed by state inside the index
-- (lib/catalog/search-query.ts); it is never ranked.
--
-- Every word typed is a prefix query ("graduat" finds "graduation"). A
-- prefix index of a word's length answers it from one list; without one,
-- FTS5 merges the lists of every word that starts with it, for the page and
-- again for the counts. Lengths 2 to 8 cover most words people type: at
-- 10,000 RFCs a search for "trait" (5,811 matches) went from 18 to 10 ms of
-- SQLite time (its counts, then one narrowed search per state, 7 to 2 ms),
-- for an index 37 % larger (76 → 104 MB) and a rebuild of 3.2 s instead of
-- 1.4 s (bench/README.md, issue 15).
CREATE VIRTUAL TABLE "CachedRfcSearch" USING fts5(
    title, summary, body, state,
    content = 'CachedRfc', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6 7 8'
);

-- CachedRfcState is the state of every valid entry, keyed by CachedRfc's
-- rowid: a narrow copy that a search's per-state counts join the index's
-- matches to. A rowid lookup in it reads a few small pages where one in
-- CachedRfc reads a row holding its whole body, and five narrowed searches
-- (one per state) read the matched words' lists five times: at 10,000 RFCs
-- the counts of the bench's twelve searches took 0.74 ms each instead of
-- 1.88 (bench/README.md, issue 15). Its rows are exactly the listed ones
-- (a valid entry's state is one of §3's, lib/entries/schema.ts).
CREATE TABLE "CachedRfcState" (
    "rfcRowid" INTEGER NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL
);

-- Valid entries only: an invalid one is kept out of the catalog (§4). With
-- external content, a 'delete' must repeat exactly what was indexed, hence
-- the same WHEN on both sides. The state copy is deleted and inserted, never
-- upserted: a conflict clause in a trigger gives way to the one of the
-- statement that fired it (see the facets below).

CREATE TRIGGER "CachedRfc_search_insert" AFTER INSERT ON "CachedRfc" WHEN new."invalidReason" IS NULL BEGIN
    INSERT INTO "CachedRfcSearch"(rowid, title, summary, body, state) VALUES (new.rowid, new.title, new.summary, new.body, new.state);
    INSERT INTO "CachedRfcState"("rfcRowid", "state") VALUES (new.rowid, new.state);
END;

CREATE TRIGGER "CachedRfc_search_update" AFTER UPDATE OF title, summary, body, state, "invalidReason" ON "CachedRfc" BEGIN
    INSERT INTO "CachedRfcSearch"("CachedRfcSearch", rowid, title, summary, body, state)
        SELECT 'delete', old.rowid, old.title, old.summary, old.body, old.state WHERE old."invalidReason" IS NULL;
    INSERT INTO "CachedRfcSearch"(rowid, title, summary, body, state)
        SELECT new.rowid, new.title, new.summary, new.body, new.state WHERE new."invalidReason" IS NULL;
    DELETE FROM "CachedRfcState" WHERE "rfcRowid" = old.rowid;
    INSERT INTO "CachedRfcState"("rfcRowid", "state") SELECT new.rowid, new.state WHERE new."invalidReason" IS NULL;
END;

CREATE TRIGGER "CachedRfc_search_delete" AFTER DELETE ON "CachedRfc" WHEN old."invalidReason" IS NULL BEGIN
    INSERT INTO "CachedRfcSearch"("CachedRfcSearch", rowid, title, summary, body, state) VALUES ('delete', old.rowid, old.title, old.summary, old.body, old.state);
    DELETE FROM "CachedRfcState" WHERE "rfcRowid" = old.rowid;
END;

-- Tags and owners of valid entries only (an invalid entry is kept out of the
-- catalog). A malformed list reads as empty instead of failing the write, and
-- a name listed twice is one row: DISTINCT, because an OR IGNORE in a
-- trigger gives way to the conflict policy of the statement that fired it
-- (Prisma's upsert), and one duplicate tag would fail the entry's refresh.

CREATE TRIGGER "CachedRfc_facets_insert" AFTER INSERT ON "CachedRfc" WHEN new."invalidReason" IS NULL BEGIN
    INSERT INTO "CachedRfcTag"("rfcSlug", "tag")
        SELECT DISTINCT new.slug, value FROM json_each(CASE WHEN json_valid(new.tags) THEN new.tags ELSE '[]' END) WHERE type = 'text';
    INSERT INTO "CachedRfcOwner"("rfcSlug", "login")
        SELECT DISTINCT new.slug, value FROM json_each(CASE WHEN json_valid(new.owners) THEN new.owners ELSE '[]' END) WHERE type = 'text';
END;

CREATE TRIGGER "CachedRfc_facets_update" AFTER UPDATE OF slug, tags, owners, "invalidReason" ON "CachedRfc" BEGIN
    DELETE FROM "CachedRfcTag" WHERE "rfcSlug" = old.slug;
    DELETE FROM "CachedRfcOwner" WHERE "rfcSlug" = old.slug;
    INSERT INTO "CachedRfcTag"("rfcSlug", "tag")
        SELECT DISTINCT new.slug, value FROM json_each(CASE WHEN json_valid(new.tags) THEN new.tags ELSE '[]' END)
        WHERE type = 'text' AND new."invalidReason" IS NULL;
    INSERT INTO "CachedRfcOwner"("rfcSlug", "login")
        SELECT DISTINCT new.slug, value FROM json_each(CASE WHEN json_valid(new.owners) THEN new.owners ELSE '[]' END)
        WHERE type = 'text' AND new."invalidReason" IS NULL;
END;

CREATE TRIGGER "CachedRfc_facets_delete" AFTER DELETE ON "CachedRfc" BEGIN
    DELETE FROM "CachedRfcTag" WHERE "rfcSlug" = old.slug;
    DELETE FROM "CachedRfcOwner" WHERE "rfcSlug" = old.slug;
END;

-- The catalog's tag and owner tables on PostgreSQL, kept in step with
-- CachedRfc by a trigger as prisma/sql/catalog-search.sql does on SQLite:
-- valid entries only, a malformed list reads as empty instead of failing the
-- write, a name listed twice is one row. The search index is in
-- catalog-search.sql.

CREATE FUNCTION "quorum_json_strings"(list text) RETURNS SETOF text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    parsed jsonb;
BEGIN
    BEGIN
        parsed := list::jsonb;
    EXCEPTION WHEN others THEN
        RETURN;
    END;
    IF jsonb_typeof(parsed) <> 'array' THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT DISTINCT e #>> '{}' FROM jsonb_array_elements(parsed) AS e WHERE jsonb_typeof(e) = 'string';
END
$$;

CREATE FUNCTION "CachedRfc_facets"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM "CachedRfcTag" WHERE "rfcSlug" = OLD.slug;
        DELETE FROM "CachedRfcOwner" WHERE "rfcSlug" = OLD.slug;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."invalidReason" IS NULL THEN
        INSERT INTO "CachedRfcTag"("rfcSlug", "tag") SELECT NEW.slug, t FROM "quorum_json_strings"(NEW.tags) AS t;
        INSERT INTO "CachedRfcOwner"("rfcSlug", "login") SELECT NEW.slug, o FROM "quorum_json_strings"(NEW.owners) AS o;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "CachedRfc_facets_insert" AFTER INSERT ON "CachedRfc" FOR EACH ROW EXECUTE FUNCTION "CachedRfc_facets"();
CREATE TRIGGER "CachedRfc_facets_update" AFTER UPDATE OF slug, tags, owners, "invalidReason" ON "CachedRfc" FOR EACH ROW EXECUTE FUNCTION "CachedRfc_facets"();
CREATE TRIGGER "CachedRfc_facets_delete" AFTER DELETE ON "CachedRfc" FOR EACH ROW EXECUTE FUNCTION "CachedRfc_facets"();

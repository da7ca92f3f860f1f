-- CreateTable
CREATE TABLE "CachedRfc" (
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "rfcId" TEXT,
    "repo" TEXT,
    "proposedBy" TEXT,
    "proposedAt" TEXT,
    "graduatedAt" TEXT,
    "graduatedBy" TEXT,
    "owners" TEXT NOT NULL DEFAULT '[]',
    "arbiters" TEXT NOT NULL DEFAULT '[]',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "frontmatter" TEXT NOT NULL DEFAULT '{}',
    "body" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "entryPath" TEXT NOT NULL,
    "entrySha" TEXT NOT NULL,
    "mainHeadSha" TEXT,
    "mainCommitAt" TIMESTAMP(3),
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invalidReason" TEXT,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CachedRfc_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "CachedRfcTag" (
    "rfcSlug" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    CONSTRAINT "CachedRfcTag_pkey" PRIMARY KEY ("tag","rfcSlug")
);

-- CreateTable
CREATE TABLE "CachedRfcOwner" (
    "rfcSlug" TEXT NOT NULL,
    "login" TEXT NOT NULL,

    CONSTRAINT "CachedRfcOwner_pkey" PRIMARY KEY ("login","rfcSlug")
);

-- CreateTable
CREATE TABLE "CachedBranch" (
    "id" SERIAL NOT NULL,
    "rfcSlug" TEXT NOT NULL,
    "repo" TEXT NOT NULL,
    "home" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "headSha" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "aheadBy" INTEGER NOT NULL DEFAULT 0,
    "behindBy" INTEGER NOT NULL DEFAULT 0,
    "additions" INTEGER NOT NULL DEFAULT 0,
    "deletions" INTEGER NOT NULL DEFAULT 0,
    "statusAt" TIMESTAMP(3),
    "statusStale" BOOLEAN NOT NULL DEFAULT true,
    "backoffUntil" TIMESTAMP(3),
    "lastCommitAt" TIMESTAMP(3),
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CachedBranch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CachedPrivateRepo" (
    "repo" TEXT NOT NULL,
    "rfcSlug" TEXT NOT NULL,
    "home" TEXT NOT NULL,
    "creator" TEXT NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CachedPrivateRepo_pkey" PRIMARY KEY ("repo")
);

-- CreateTable
CREATE TABLE "CachedPr" (
    "id" SERIAL NOT NULL,
    "repo" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "rfcSlug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL,
    "openedBy" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "mergedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "headBranch" TEXT NOT NULL,
    "baseBranch" TEXT NOT NULL,
    "headSha" TEXT,
    "mergeable" BOOLEAN,
    "mergeState" TEXT,
    "mergeCheckKey" TEXT,
    "mergeCheckSince" TIMESTAMP(3),
    "additions" INTEGER,
    "deletions" INTEGER,
    "ideaTags" TEXT,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CachedPr_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepoSync" (
    "repo" TEXT NOT NULL,
    "rfcSlug" TEXT,
    "updatedAt" TEXT,
    "mainHeadSha" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "backoffUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "syncedAt" TIMESTAMP(3),

    CONSTRAINT "RepoSync_pkey" PRIMARY KEY ("repo")
);

-- CreateTable
CREATE TABLE "SweepRun" (
    "id" SERIAL NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "trigger" TEXT NOT NULL,
    "instance" TEXT,
    "reposRead" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "SweepRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "giteaId" INTEGER NOT NULL,
    "login" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "avatarUrl" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT 'contributor',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailMode" TEXT NOT NULL DEFAULT 'in_app',
    "digestThrough" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BranchMeta" (
    "id" SERIAL NOT NULL,
    "rfcSlug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "home" TEXT,
    "repo" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),
    "deletedBy" TEXT,

    CONSTRAINT "BranchMeta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Thread" (
    "id" TEXT NOT NULL,
    "rfcSlug" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mainKey" TEXT,
    "anchor" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "createdBy" INTEGER,
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Thread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreadMessage" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "authorKind" TEXT NOT NULL,
    "authorId" INTEGER,
    "body" TEXT NOT NULL DEFAULT '',
    "modelId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'complete',
    "error" TEXT,
    "details" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ThreadMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Change" (
    "id" TEXT NOT NULL,
    "rfcSlug" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "threadId" TEXT,
    "messageId" TEXT,
    "blockIndex" INTEGER NOT NULL DEFAULT 0,
    "original" TEXT NOT NULL,
    "proposed" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "statusReason" TEXT,
    "baseSha" TEXT,
    "modelId" TEXT,
    "decidedBy" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "commitSha" TEXT,
    "editedText" TEXT,
    "promotedFrom" TEXT,
    "details" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Flag" (
    "id" TEXT NOT NULL,
    "rfcSlug" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "messageId" TEXT,
    "threadId" TEXT,
    "anchor" TEXT,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdBy" INTEGER NOT NULL,
    "resolvedBy" INTEGER,
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Flag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorLogin" TEXT NOT NULL,
    "actorName" TEXT NOT NULL DEFAULT '',
    "rfcSlug" TEXT,
    "branch" TEXT,
    "prNumber" INTEGER,
    "text" TEXT NOT NULL,
    "url" TEXT NOT NULL DEFAULT '',
    "key" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailOutbox" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveTopic" (
    "topic" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "floor" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LiveTopic_pkey" PRIMARY KEY ("topic")
);

-- CreateTable
CREATE TABLE "LiveEvent" (
    "topic" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("topic","seq")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" SERIAL NOT NULL,
    "actorUserId" INTEGER,
    "onBehalfOf" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rfcSlug" TEXT,
    "branch" TEXT,
    "repo" TEXT,
    "prNumber" INTEGER,
    "commitSha" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "repo" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Graduation" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rfcId" TEXT NOT NULL,
    "repo" TEXT NOT NULL,
    "startedBy" TEXT NOT NULL,
    "steps" TEXT NOT NULL DEFAULT '[]',
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Graduation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GitWrite" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rfcSlug" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "repo" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "baseSha" TEXT,
    "userId" INTEGER,
    "request" TEXT NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL,
    "commitSha" TEXT,
    "result" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GitWrite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CachedRfc_state_invalidReason_lastActivityAt_slug_idx" ON "CachedRfc"("state", "invalidReason", "lastActivityAt", "slug");

-- CreateIndex
CREATE INDEX "CachedRfc_state_invalidReason_slug_idx" ON "CachedRfc"("state", "invalidReason", "slug");

-- CreateIndex
CREATE INDEX "CachedRfc_repo_idx" ON "CachedRfc"("repo");

-- CreateIndex
CREATE INDEX "CachedRfcTag_rfcSlug_idx" ON "CachedRfcTag"("rfcSlug");

-- CreateIndex
CREATE INDEX "CachedRfcOwner_rfcSlug_idx" ON "CachedRfcOwner"("rfcSlug");

-- CreateIndex
CREATE INDEX "CachedBranch_rfcSlug_idx" ON "CachedBranch"("rfcSlug");

-- CreateIndex
CREATE INDEX "CachedBranch_home_rfcSlug_idx" ON "CachedBranch"("home", "rfcSlug");

-- CreateIndex
CREATE UNIQUE INDEX "CachedBranch_repo_name_key" ON "CachedBranch"("repo", "name");

-- CreateIndex
CREATE INDEX "CachedPrivateRepo_rfcSlug_idx" ON "CachedPrivateRepo"("rfcSlug");

-- CreateIndex
CREATE INDEX "CachedPr_rfcSlug_state_idx" ON "CachedPr"("rfcSlug", "state");

-- CreateIndex
CREATE INDEX "CachedPr_kind_state_idx" ON "CachedPr"("kind", "state");

-- CreateIndex
CREATE UNIQUE INDEX "CachedPr_repo_number_key" ON "CachedPr"("repo", "number");

-- CreateIndex
CREATE UNIQUE INDEX "User_giteaId_key" ON "User"("giteaId");

-- CreateIndex
CREATE UNIQUE INDEX "User_login_key" ON "User"("login");

-- CreateIndex
CREATE UNIQUE INDEX "BranchMeta_rfcSlug_name_key" ON "BranchMeta"("rfcSlug", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Thread_mainKey_key" ON "Thread"("mainKey");

-- CreateIndex
CREATE INDEX "Thread_rfcSlug_branch_idx" ON "Thread"("rfcSlug", "branch");

-- CreateIndex
CREATE INDEX "ThreadMessage_threadId_createdAt_idx" ON "ThreadMessage"("threadId", "createdAt");

-- CreateIndex
CREATE INDEX "Change_rfcSlug_branch_status_idx" ON "Change"("rfcSlug", "branch", "status");

-- CreateIndex
CREATE INDEX "Change_messageId_idx" ON "Change"("messageId");

-- CreateIndex
CREATE INDEX "Flag_rfcSlug_status_idx" ON "Flag"("rfcSlug", "status");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_key_key" ON "Notification"("userId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "MailOutbox_key_key" ON "MailOutbox"("key");

-- CreateIndex
CREATE INDEX "MailOutbox_state_nextAttemptAt_idx" ON "MailOutbox"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "LiveEvent_createdAt_idx" ON "LiveEvent"("createdAt");

-- CreateIndex
CREATE INDEX "Action_rfcSlug_kind_idx" ON "Action"("rfcSlug", "kind");

-- CreateIndex
CREATE INDEX "Action_repo_prNumber_idx" ON "Action"("repo", "prNumber");

-- CreateIndex
CREATE INDEX "Graduation_slug_status_idx" ON "Graduation"("slug", "status");

-- CreateIndex
CREATE UNIQUE INDEX "GitWrite_key_key" ON "GitWrite"("key");

-- CreateIndex
CREATE INDEX "GitWrite_state_updatedAt_idx" ON "GitWrite"("state", "updatedAt");

-- CreateIndex
CREATE INDEX "GitWrite_rfcSlug_branch_state_idx" ON "GitWrite"("rfcSlug", "branch", "state");

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- prisma/postgres/sql/catalog-facets.sql (raw SQL: scripts/db-regen.mjs)
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

-- prisma/postgres/sql/catalog-search.sql (raw SQL: scripts/db-regen.mjs)
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

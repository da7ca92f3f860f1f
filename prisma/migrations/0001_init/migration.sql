-- CreateTable
CREATE TABLE "CachedRfc" (
    "slug" TEXT NOT NULL PRIMARY KEY,
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
    "mainCommitAt" DATETIME,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invalidReason" TEXT,
    "refreshedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CachedRfcTag" (
    "rfcSlug" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("tag", "rfcSlug")
);

-- CreateTable
CREATE TABLE "CachedRfcOwner" (
    "rfcSlug" TEXT NOT NULL,
    "login" TEXT NOT NULL,

    PRIMARY KEY ("login", "rfcSlug")
);

-- CreateTable
CREATE TABLE "CachedBranch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "statusAt" DATETIME,
    "statusStale" BOOLEAN NOT NULL DEFAULT true,
    "backoffUntil" DATETIME,
    "lastCommitAt" DATETIME,
    "refreshedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CachedPrivateRepo" (
    "repo" TEXT NOT NULL PRIMARY KEY,
    "rfcSlug" TEXT NOT NULL,
    "home" TEXT NOT NULL,
    "creator" TEXT NOT NULL,
    "refreshedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CachedPr" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "repo" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "rfcSlug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL,
    "openedBy" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "mergedAt" DATETIME,
    "closedAt" DATETIME,
    "headBranch" TEXT NOT NULL,
    "baseBranch" TEXT NOT NULL,
    "headSha" TEXT,
    "mergeable" BOOLEAN,
    "mergeState" TEXT,
    "mergeCheckKey" TEXT,
    "mergeCheckSince" DATETIME,
    "additions" INTEGER,
    "deletions" INTEGER,
    "ideaTags" TEXT,
    "refreshedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RepoSync" (
    "repo" TEXT NOT NULL PRIMARY KEY,
    "rfcSlug" TEXT,
    "updatedAt" TEXT,
    "mainHeadSha" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "backoffUntil" DATETIME,
    "lastError" TEXT,
    "syncedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SweepRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "trigger" TEXT NOT NULL,
    "instance" TEXT,
    "reposRead" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "giteaId" INTEGER NOT NULL,
    "login" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "avatarUrl" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT 'contributor',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailMode" TEXT NOT NULL DEFAULT 'in_app',
    "digestThrough" DATETIME
);

-- CreateTable
CREATE TABLE "BranchMeta" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rfcSlug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "home" TEXT,
    "repo" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    "deletedBy" TEXT
);

-- CreateTable
CREATE TABLE "Thread" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rfcSlug" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mainKey" TEXT,
    "anchor" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "createdBy" INTEGER,
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ThreadMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "threadId" TEXT NOT NULL,
    "authorKind" TEXT NOT NULL,
    "authorId" INTEGER,
    "body" TEXT NOT NULL DEFAULT '',
    "modelId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'complete',
    "error" TEXT,
    "details" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ThreadMessage_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Change" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "decidedAt" DATETIME,
    "commitSha" TEXT,
    "editedText" TEXT,
    "promotedFrom" TEXT,
    "details" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Flag" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "resolvedAt" DATETIME,
    "resolution" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MailOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" INTEGER NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LiveTopic" (
    "topic" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "floor" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "LiveEvent" (
    "topic" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("topic", "seq")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actorUserId" INTEGER,
    "onBehalfOf" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rfcSlug" TEXT,
    "branch" TEXT,
    "repo" TEXT,
    "prNumber" INTEGER,
    "commitSha" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "event" TEXT NOT NULL,
    "repo" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Graduation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rfcId" TEXT NOT NULL,
    "repo" TEXT NOT NULL,
    "startedBy" TEXT NOT NULL,
    "steps" TEXT NOT NULL DEFAULT '[]',
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "GitWrite" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
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


-- prisma/sql/catalog-search.sql (raw SQL: scripts/db-regen.mjs)
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

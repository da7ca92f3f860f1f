import { runOnPostgres } from "../../helpers/postgres-suite";

// The catalog search suite on PostgreSQL's tsvector index (issue 19): the
// same entries found, ranked and marked as by SQLite's FTS5.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the cluster's hooks (postgres-suite.ts)
runOnPostgres(() => require("./search.test"));

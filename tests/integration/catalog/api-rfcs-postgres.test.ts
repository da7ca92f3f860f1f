import { runOnPostgres } from "../../helpers/postgres-suite";

// GET /api/rfcs and the catalog page's data on PostgreSQL (issue 19): filters,
// keyset pages, counts and the overview as on SQLite.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the cluster's hooks (postgres-suite.ts)
runOnPostgres(() => require("./api-rfcs.test"));

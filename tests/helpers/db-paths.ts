// The migrated template database of one Jest run. Each run makes its own
// (global-setup.ts), so two `npm test` side by side never rebuild a file the
// other is copying; the path reaches the test workers through the environment.
export const TEMPLATE_ENV = "QUORUM_TEST_TEMPLATE_DB";

export function templateDbPath(): string {
  const file = process.env[TEMPLATE_ENV];
  if (!file) throw new Error(`${TEMPLATE_ENV} is not set: run integration tests through jest (its global setup makes the template)`);
  return file;
}

// On PostgreSQL (npm run test:pg, or a file that runs a suite on it:
// tests/helpers/postgres-suite.ts) the template is a migrated database of a
// test cluster; each test file gets a copy of it instead of a SQLite file.
export const PG_TEMPLATE_ENV = "QUORUM_TEST_TEMPLATE_PG";

import { databaseProvider } from "@/lib/db/client";
import { PG_TEMPLATE_ENV } from "./db-paths";
import { startTestPostgres, type TestPostgres } from "./postgres";

// Runs a test file written for the default database on PostgreSQL (issue 19)
// inside `npm test`: a cluster of this file's own, whose migrated template
// every createTestDatabase() of the file copies. `load` requires the suite's
// file, so its hooks are declared after the cluster's start and before its
// stop. `npm run test:pg` runs every integration file this way at once.

export function runOnPostgres(load: () => unknown): void {
  jest.setTimeout(240_000);
  let pg: TestPostgres | undefined;
  beforeAll(async () => {
    pg = await startTestPostgres();
    process.env[PG_TEMPLATE_ENV] = await pg.migratedDatabase("quorum_template");
  });
  load();
  it("ran on PostgreSQL", () => {
    expect(databaseProvider()).toBe("postgresql");
  });
  afterAll(async () => {
    delete process.env[PG_TEMPLATE_ENV];
    await pg?.stop();
  });
}

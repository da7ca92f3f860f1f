import { Prisma } from "@prisma/client";
import { isDbError, knownDbError } from "@/lib/db/errors";

// Prisma's known errors from either generated client (issue 19): the
// PostgreSQL client's runtime is a copy, so its errors fail instanceof.

/** An error as the PostgreSQL client's own runtime throws it: same name and code, another class. */
class OtherRuntimeError extends Error {
  name = "PrismaClientKnownRequestError";
  constructor(readonly code: string) {
    super(`Unique constraint failed on the fields: (\`id\`)`);
  }
}

describe("knownDbError", () => {
  it("knows @prisma/client's errors and the PostgreSQL client's alike, by code", () => {
    const sqlite = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "6" });
    expect(knownDbError(sqlite)?.code).toBe("P2002");
    expect(knownDbError(new OtherRuntimeError("P2002"))?.code).toBe("P2002");
    expect(isDbError(new OtherRuntimeError("P2003"), "P2003")).toBe(true);
    expect(isDbError(new OtherRuntimeError("P2003"), "P2002")).toBe(false);
  });

  it("is null for anything else", () => {
    expect(knownDbError(new Error("P2002"))).toBeNull();
    expect(knownDbError({ name: "PrismaClientKnownRequestError", code: "P2002" })).toBeNull();
    expect(isDbError(undefined, "P2002")).toBe(false);
  });
});

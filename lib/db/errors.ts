import { Prisma } from "@prisma/client";

// Prisma's known request errors (P2002 a unique constraint, P2003 a foreign
// key, P2025 a missing row) from either generated client. The PostgreSQL
// client (.prisma/client-pg, lib/db/client.ts) carries its own copy of
// Prisma's runtime, so its errors are not instances of @prisma/client's
// class: they are told by name and code, never by instanceof alone.

export type KnownDbError = Error & { code: string; meta?: Record<string, unknown> };

/** The error as a known Prisma request error, or null. */
export function knownDbError(err: unknown): KnownDbError | null {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err;
  if (err instanceof Error && err.name === "PrismaClientKnownRequestError" && typeof (err as { code?: unknown }).code === "string") return err as KnownDbError;
  return null;
}

/** Whether `err` is Prisma's known request error `code` ("P2002"…), whichever database threw it. */
export const isDbError = (err: unknown, code: string): boolean => knownDbError(err)?.code === code;

import "server-only";
import { AppError } from "@/lib/http/errors";
import { findRfc } from "@/lib/rfcs/context";
import type { RfcScope } from "./permissions";

// Per-RFC owners and arbiters come from the cached meta entry (§1, §4):
// what can() needs to know about an RFC. The cache is rebuilt from Gitea, so
// a change of owners in the entry reaches permissions after the next refresh.

/** `{ owners, arbiters }` of a cached entry, or null when the slug is not cached. */
export async function rfcScope(slug: string): Promise<RfcScope | null> {
  return (await findRfc(slug))?.scope ?? null;
}

/** The same, 404 when the RFC is unknown. */
export async function rfcScopeOrThrow(slug: string): Promise<RfcScope> {
  const scope = await rfcScope(slug);
  if (!scope) throw new AppError("not_found", `No RFC "${slug}"`);
  return scope;
}

import { AppError } from "@/lib/http/errors";

// GET /api/rfcs pages by keyset on the slug (§17, issue 15): a slug never
// changes and never repeats, so a client walking the pages while entries
// change sees every RFC that existed throughout exactly once. The cursor is
// opaque to clients: base64url of { after: slug }.

export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), "utf8").toString("base64url");
}

/** The slug a cursor continues after; a cursor that does not decode is a 400. */
export function decodeCursor(cursor: string): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const after = (value as { after?: unknown } | null)?.after;
    if (typeof after === "string" && after.length > 0 && after.length <= 200) return after;
  } catch {
    /* falls through to the error */
  }
  throw new AppError("bad_request", "The cursor is not one this API gave out: start again without it");
}

import { AppError } from "@/lib/http/errors";

// A client's place in its live streams (issue 14): one number per topic, in
// the order the topics were asked for, written "12.0.7". It is every event's
// SSE `id`, so a browser's EventSource sends it back as Last-Event-ID when it
// reconnects; the first connection passes the numbers its loads answered
// (`liveSeq`) as `since`.

export const formatCursor = (seqs: number[]) => seqs.join(".");

/** The numbers of a cursor for `count` topics; null when it is not one (wrong count, not numbers). */
export function parseCursor(value: string | null | undefined, count: number): number[] | null {
  if (!value) return null;
  const parts = value.split(".");
  if (parts.length !== count || !parts.every((p) => /^\d{1,15}$/.test(p))) return null;
  return parts.map(Number);
}

/**
 * Where to resume: Last-Event-ID when the browser reconnects with one that
 * fits these topics, else `since`. A `since` that does not fit is a 400.
 */
export function resumeFrom(req: Request, since: string | undefined, count: number): number[] {
  const resumed = parseCursor(req.headers.get("last-event-id"), count);
  if (resumed) return resumed;
  const given = parseCursor(since, count);
  if (!given) throw new AppError("bad_request", `since: one number per topic (${count}), e.g. ${formatCursor(Array(count).fill(0))}`, { field: "since" });
  return given;
}

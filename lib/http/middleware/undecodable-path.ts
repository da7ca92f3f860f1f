// Middleware helper (middleware.ts runs it before every request): keep this file import-free.

/**
 * The first path segment that does not percent-decode to text (`%`, `%ff`,
 * `%zz`, `%ed%a0%80`…) or decodes to a NUL, or null. Next answers such a path
 * with its HTML 400 page; middleware answers with the JSON error instead.
 */
export function undecodableSegment(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    try {
      if (decodeURIComponent(segment).includes("\u0000")) return segment;
    } catch {
      return segment;
    }
  }
  return null;
}

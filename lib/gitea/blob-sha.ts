import { createHash } from "node:crypto";

/**
 * The Git object id of a blob holding `text` as UTF-8 (`git hash-object`):
 * SHA-1 of `blob <byte length>\0<bytes>`. The contents API answers a write
 * with the blob sha of every file it wrote, so comparing it with this one
 * proves the commit holds exactly our bytes without reading it back (§8.9).
 */
export function gitBlobSha(text: string): string {
  return gitBlobShaOf(Buffer.from(text, "utf8"));
}

/** The same for bytes as they are (a file read from an archive, whatever its encoding). */
export function gitBlobShaOf(bytes: Buffer): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

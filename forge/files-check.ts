import { HttpError, unprocessable } from "./http";

// Input checks for contents writes (services/repository/files/update.go).

/** Gitea's CleanUploadFileName: a relative, clean path without `.git` parts; else 422. */
export function cleanPath(input: string): string {
  const parts = input.split("/").filter((p) => p !== "" && p !== ".");
  const bad = parts.length === 0 || parts.some((p) => p === ".." || p.toLowerCase() === ".git") || /[\0\n\r]/.test(input);
  if (bad) throw unprocessable(`path contains a malformed path component [path: ${input}]`);
  return parts.join("/");
}

export class BadBase64 extends HttpError {
  constructor() {
    super(422, "invalid base64 content");
  }
}

/** Strict standard base64 (newlines allowed, as Go's decoder skips them); else 422. */
export function decodeBase64(content: string): Buffer {
  const s = content.replace(/[\r\n]/g, "");
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new BadBase64();
  return Buffer.from(s, "base64");
}

/** ErrRepoFileDoesNotExist: an update, rename or delete of a path that is not there. */
export class FileMissing extends HttpError {
  constructor(path: string) {
    super(404, `repository file does not exist [path: ${path}]`);
  }
}

export class ShaMismatch extends HttpError {
  constructor(given: string, expected: string) {
    super(422, `sha does not match [given: ${given}, expected: ${expected}]`);
  }
}

/** Every proper prefix directory of a path: a/b/c → [a, a/b]. */
export const parentDirs = (p: string) => {
  const parts = p.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
};

/** RFC 3339 check for `dates.author` / `dates.committer`. */
export function checkDate(d: string | undefined): string | undefined {
  if (d === undefined || d === "") return undefined;
  if (Number.isNaN(Date.parse(d))) throw unprocessable(`invalid date: ${d}`);
  return d;
}

// Text that cannot break anything (issue 12): a string the app stores, sends
// to Gitea or writes into Git must be well-formed Unicode without NUL. A lone
// UTF-16 surrogate cannot be encoded as UTF-8 (Prisma's query engine, JSON
// encoders and Git all fail on it), and NUL ends strings in Git and C code.
// Browsers never send either from a form (they convert to USVString), so a
// request that carries one is crafted: refused at the edge, never stored.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `s` cannot be encoded as UTF-8 at all (a lone surrogate), or null. */
export function loneSurrogateReason(s: string): string | null {
  const lone = LONE_SURROGATE.exec(s);
  return lone ? `contains a lone surrogate (U+${lone[0].charCodeAt(0).toString(16).toUpperCase()}) at position ${lone.index}` : null;
}

/** Why `s` may not come in from a request (a lone surrogate or a NUL), or null. */
export function unencodableReason(s: string): string | null {
  const lone = loneSurrogateReason(s);
  if (lone) return lone;
  const nul = s.indexOf("\u0000");
  if (nul >= 0) return `contains a NUL character at position ${nul}`;
  return null;
}

export type Unencodable = { path: string; reason: string };

type Check = (s: string) => string | null;

/**
 * The first string in a parsed value (object keys included) that `check`
 * refuses, with its path (`anchor.quote`, `items.2`), or null.
 */
export function findUnencodable(value: unknown, path: string[] = [], check: Check = unencodableReason): Unencodable | null {
  if (typeof value === "string") {
    const reason = check(value);
    return reason ? { path: path.join(".") || "body", reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnencodable(value[i], [...path, String(i)], check);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const keyReason = check(key);
      if (keyReason) return { path: [...path, "(key)"].join("."), reason: keyReason };
      const hit = findUnencodable(inner, [...path, key], check);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * Data from Gitea for the cache: what in it cannot be stored (Prisma's
 * query engine cannot encode a lone surrogate), or null. A NUL is stored.
 */
export const unstorable = (value: unknown): Unencodable | null => findUnencodable(value, [], loneSurrogateReason);

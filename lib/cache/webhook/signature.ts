import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * §4.1: `X-Gitea-Signature` is the lowercase hex HMAC-SHA256 of the exact body
 * bytes (FACTS §1). Compared in constant time; anything malformed is false.
 */
export function verifySignature(body: Uint8Array, signature: string | null, secret: string): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature.trim())) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(signature.trim(), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function signBody(body: string | Uint8Array, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// The provider's RS256 signing key, generated once and kept at
// <dataDir>/.forge/jwt/private.pem (Gitea: data/jwt/private.pem).

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString("base64url");

export class OAuthKeys {
  private readonly key: KeyObject;
  readonly kid: string;
  readonly jwk: Record<string, string>;

  constructor(dataDir: string) {
    const file = path.join(dataDir, ".forge", "jwt", "private.pem");
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    }
    this.key = createPrivateKey(readFileSync(file));
    const pub = createPublicKey(this.key).export({ format: "jwk" }) as { n: string; e: string };
    // RFC 7638 thumbprint as the key id.
    this.kid = b64url(createHash("sha256").update(JSON.stringify({ e: pub.e, kty: "RSA", n: pub.n })).digest());
    this.jwk = { kty: "RSA", alg: "RS256", use: "sig", kid: this.kid, n: pub.n, e: pub.e };
  }

  signJwt(claims: Record<string, unknown>): string {
    const header = b64url(JSON.stringify({ alg: "RS256", kid: this.kid, typ: "JWT" }));
    const body = b64url(JSON.stringify(claims));
    const signature = sign("sha256", Buffer.from(`${header}.${body}`), this.key);
    return `${header}.${body}.${b64url(signature)}`;
  }
}

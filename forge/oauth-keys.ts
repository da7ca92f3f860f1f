import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// The provider's RS256 signing key, generated on first use and kept at
// <dataDir>/.forge/jwt/private.pem (Gitea: data/jwt/private.pem).

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString("base64url");

export class OAuthKeys {
  private loaded: { key: KeyObject; kid: string; jwk: Record<string, string> } | null = null;

  constructor(private readonly dataDir: string) {}

  private load() {
    if (this.loaded) return this.loaded;
    const file = path.join(this.dataDir, ".forge", "jwt", "private.pem");
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    }
    const key = createPrivateKey(readFileSync(file));
    const pub = createPublicKey(key).export({ format: "jwk" }) as { n: string; e: string };
    // RFC 7638 thumbprint as the key id.
    const kid = b64url(createHash("sha256").update(JSON.stringify({ e: pub.e, kty: "RSA", n: pub.n })).digest());
    this.loaded = { key, kid, jwk: { kty: "RSA", alg: "RS256", use: "sig", kid, n: pub.n, e: pub.e } };
    return this.loaded;
  }

  get jwk(): Record<string, string> {
    return this.load().jwk;
  }

  signJwt(claims: Record<string, unknown>): string {
    const { key, kid } = this.load();
    const header = b64url(JSON.stringify({ alg: "RS256", kid, typ: "JWT" }));
    const body = b64url(JSON.stringify(claims));
    const signature = sign("sha256", Buffer.from(`${header}.${body}`), key);
    return `${header}.${body}.${b64url(signature)}`;
  }
}

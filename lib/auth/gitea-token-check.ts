import { z } from "zod";
import { getConfig } from "@/lib/config";
import { giteaFetch } from "@/lib/gitea/fetch";

// A session lives as long as the Gitea authorization behind it (§1, issue 4):
// the JWT's Gitea token is re-checked against `GET /api/v1/user` at most
// every CHECK_TTL_MS per token, in memory — 30 s (issue 12), so a revoked
// token stops writes, and the header stops showing the person signed in,
// within half a minute, for one cheap Gitea call per active user per 30 s.
// Gitea answers 401 for a revoked token; Gitea's OAuth access tokens also expire after an hour (FACTS §4),
// so an expired one is renewed with the refresh token before giving up —
// a revoked grant refuses that too. Gitea being unreachable is not a
// revocation: the user stays signed in and the check runs again next time.

export const CHECK_TTL_MS = 30_000;

export type GiteaTokenClaims = { giteaToken?: string; giteaRefreshToken?: string; giteaTokenExpiresAt?: number };
// accessToken/refreshToken: the renewed pair once the JWT's token expired
// (Gitea may rotate refresh tokens, so the newest one is kept).
type Check = { valid: boolean; at: number; accessToken?: string; refreshToken?: string };

const checks = new Map<string, Check>();
const inFlight = new Map<string, Promise<boolean>>();

const giteaUser = z.object({ id: z.number() });
const refreshed = z.object({ access_token: z.string().min(1), refresh_token: z.string().optional() });

async function whoIs(token: string): Promise<number | "revoked" | "unknown"> {
  try {
    // One try: this runs while a page waits, and "unknown" keeps the session anyway.
    const res = await giteaFetch(`${getConfig().giteaUrl}/api/v1/user`, { headers: { Authorization: `token ${token}`, Accept: "application/json" } }, { attempts: 1 });
    if (res.status === 401 || res.status === 403) return "revoked";
    if (!res.ok) return "unknown";
    return giteaUser.parse(await res.json()).id;
  } catch {
    return "unknown";
  }
}

async function refresh(refreshToken: string): Promise<z.infer<typeof refreshed> | null> {
  const cfg = getConfig();
  try {
    const res = await giteaFetch(`${cfg.giteaUrl}/login/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        client_id: cfg.oauthClientId,
        client_secret: cfg.oauthClientSecret,
      }),
    });
    return res.ok ? refreshed.parse(await res.json()) : null;
  } catch {
    return null;
  }
}

async function check(claims: GiteaTokenClaims, giteaId: number, previous?: Check): Promise<Check> {
  const now = Date.now();
  const kept = { accessToken: previous?.accessToken, refreshToken: previous?.refreshToken };
  const who = await whoIs(kept.accessToken ?? claims.giteaToken!);
  if (who === "unknown") return { ...kept, valid: previous?.valid ?? true, at: now };
  if (who !== "revoked") return { ...kept, valid: who === giteaId, at: now };
  // A 401 before the token's expiry is a revocation; after it, try renewing.
  const expired = (claims.giteaTokenExpiresAt ?? Infinity) * 1000 <= now || kept.accessToken !== undefined;
  const refreshToken = kept.refreshToken ?? claims.giteaRefreshToken;
  if (!expired || !refreshToken) return { valid: false, at: now };
  const renewed = await refresh(refreshToken);
  if (!renewed || (await whoIs(renewed.access_token)) !== giteaId) return { valid: false, at: now };
  return { valid: true, at: now, accessToken: renewed.access_token, refreshToken: renewed.refresh_token ?? refreshToken };
}

/** Whether the Gitea authorization behind a session still holds (cached). */
export async function giteaAuthorizationHolds(claims: GiteaTokenClaims, giteaId: number): Promise<boolean> {
  const key = claims.giteaToken;
  if (!key) return false;
  const known = checks.get(key);
  if (known && (!known.valid || Date.now() - known.at < CHECK_TTL_MS)) return known.valid;
  const running = inFlight.get(key);
  if (running) return running;
  const job = check(claims, giteaId, known)
    .then((result) => {
      if (checks.size > 5000) checks.clear(); // bound memory; the next requests re-check
      checks.set(key, result);
      return result.valid;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, job);
  return job;
}

/** Tests and sign-out: forget every cached answer. */
export function forgetTokenChecks(): void {
  checks.clear();
}

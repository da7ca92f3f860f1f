import { AsyncLocalStorage } from "node:async_hooks";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { SESSION_COOKIES } from "./request-gate";
import { giteaAuthorizationHolds, type GiteaTokenClaims } from "./gitea-token-check";
import type { Actor } from "./permissions";
import { effectiveRole } from "./roles";

export type SessionUser = Actor & { name: string; email: string; avatarUrl: string };

export { SESSION_COOKIES };

/** Claims Quorum puts in the next-auth JWT (lib/auth/options.ts). */
export type QuorumJwt = GiteaTokenClaims & { uid?: number; login?: string; exp?: number };

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return null; // malformed escapes: no session, not a 500
    }
  }
  return null;
}

export async function decodeSessionToken(token: string | null): Promise<QuorumJwt | null> {
  if (!token) return null;
  try {
    const claims = (await decode({ token, secret: getConfig().nextAuthSecret })) as QuorumJwt | null;
    if (!claims?.uid) return null;
    if (claims.exp && claims.exp * 1000 < Date.now()) return null;
    return claims;
  } catch {
    return null; // tampered or written with another secret
  }
}

/**
 * Loads the signed-in user behind a cookie header, or null for a reader.
 * Expired, tampered and revoked sessions all read as "signed out": never a 500.
 */
export async function userFromCookieHeader(cookieHeader: string | null): Promise<SessionUser | null> {
  const token = SESSION_COOKIES.map((n) => readCookie(cookieHeader, n)).find(Boolean) ?? null;
  const claims = await decodeSessionToken(token);
  if (!claims?.uid) return null;
  const row = await db().user.findUnique({ where: { id: claims.uid } });
  if (!row || row.login !== claims.login) return null;
  // Sign-in always stores a Gitea token; only test-minted sessions
  // (tests/helpers/session.ts) may lack one, and only under NODE_ENV=test.
  const untested = !claims.giteaToken && process.env.NODE_ENV === "test";
  if (!untested && !(await giteaAuthorizationHolds(claims, row.giteaId))) return null;
  return {
    id: row.id,
    login: row.login,
    name: row.name || row.login,
    email: row.email,
    avatarUrl: row.avatarUrl,
    role: effectiveRole(row.login, row.role),
  };
}

/** Whether a cookie header carries a session cookie at all (valid or not). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  return SESSION_COOKIES.some((n) => !!readCookie(cookieHeader, n));
}

/** Route handlers: the user behind the request's session cookie. */
export function getRequestUser(req: Request): Promise<SessionUser | null> {
  return userFromCookieHeader(req.headers.get("cookie"));
}

export async function requireRequestUser(req: Request): Promise<SessionUser> {
  const user = await getRequestUser(req);
  if (!user) throw new AppError("unauthorized", "Sign in first");
  return user;
}

// Test seam: server actions and server components read the cookie through
// next/headers, which only exists inside a Next request. Tests run them
// inside runWithCookieHeader(header, fn) instead; production never sets it.
const cookieOverride = new AsyncLocalStorage<string>();

export function runWithCookieHeader<T>(cookieHeader: string, fn: () => T): T {
  return cookieOverride.run(cookieHeader, fn);
}

/** The raw Cookie header of the current request (server components and actions). */
export async function currentCookieHeader(): Promise<string> {
  const override = cookieOverride.getStore();
  if (override !== undefined) return override;
  const { cookies } = await import("next/headers");
  const store = await cookies();
  return store
    .getAll()
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
}

/**
 * Server components and server actions: the user of the current request.
 * Cached for the request (React cache()): the header, the layout and the
 * page each ask, and each answer would decrypt the session and read the
 * users row again. Outside a server render it simply runs.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => userFromCookieHeader(await currentCookieHeader()));

import { decode } from "next-auth/jwt";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { Actor } from "./permissions";
import { effectiveRole } from "./roles";

export type SessionUser = Actor & { name: string; email: string; avatarUrl: string };

// next-auth's JWT session cookie; the __Secure- form is used over https.
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** Claims Quorum puts in the next-auth JWT (lib/auth/options.ts). */
export type QuorumJwt = { uid?: number; login?: string; giteaToken?: string; exp?: number };

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
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

/** Loads the signed-in user behind a cookie header, or null for a reader. */
export async function userFromCookieHeader(cookieHeader: string | null): Promise<SessionUser | null> {
  const token = SESSION_COOKIES.map((n) => readCookie(cookieHeader, n)).find(Boolean) ?? null;
  const claims = await decodeSessionToken(token);
  if (!claims?.uid) return null;
  const row = await db().user.findUnique({ where: { id: claims.uid } });
  if (!row || row.login !== claims.login) return null;
  return {
    id: row.id,
    login: row.login,
    name: row.name || row.login,
    email: row.email,
    avatarUrl: row.avatarUrl,
    role: effectiveRole(row.login, row.role),
  };
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

/** Server components and server actions: the user of the current request. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const { cookies } = await import("next/headers");
  const store = await cookies();
  const header = store
    .getAll()
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
  return userFromCookieHeader(header);
}

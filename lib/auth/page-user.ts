import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PATH_HEADER, SESSION_COOKIES } from "./request-gate";
import { currentCookieHeader, getCurrentUser, type SessionUser } from "./session";

// Signed-in-only pages (middleware.ts lets a request with any session cookie
// through; this is the real check): the user, or a redirect to sign-in that
// comes back here. A cookie that no longer holds (expired, tampered, revoked
// in Gitea) says so on the sign-in page instead of failing.

export async function requirePageUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = (await headers()).get(PATH_HEADER) ?? "/";
  const cookieHeader = await currentCookieHeader();
  const stale = SESSION_COOKIES.some((name) => cookieHeader.includes(`${name}=`));
  redirect(`/signin?callbackUrl=${encodeURIComponent(path)}${stale ? "&error=SessionExpired" : ""}`);
}

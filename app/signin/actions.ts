"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIES } from "@/lib/auth/request-gate";

// Sign-out (§1): a JWT session lives only in its cookie, so ending it means
// expiring the cookie (what next-auth's own sign-out does). A server action,
// so it works without JavaScript and keeps Next's origin check.
export async function signOutAction(): Promise<never> {
  const store = await cookies();
  for (const name of SESSION_COOKIES) {
    if (store.has(name)) store.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  redirect("/");
}

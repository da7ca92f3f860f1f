import { encode } from "next-auth/jwt";
import { db } from "@/lib/db/client";

export type TestUserSpec = { login: string; giteaId?: number; name?: string; role?: "admin" | "contributor" };

/** Upserts a users row as sign-in would (lib/auth/options.ts). */
export async function ensureUser(spec: TestUserSpec) {
  const giteaId = spec.giteaId ?? 100_000 + [...spec.login].reduce((a, c) => a * 31 + c.charCodeAt(0), 7) % 100_000;
  return db().user.upsert({
    where: { login: spec.login },
    update: { ...(spec.role ? { role: spec.role } : {}) },
    create: { giteaId, login: spec.login, name: spec.name ?? spec.login, email: `${spec.login}@example.test`, role: spec.role ?? "contributor" },
  });
}

/** A real next-auth session token for a user, as the sign-in callback would write it. */
export async function sessionTokenFor(spec: TestUserSpec, opts: { maxAgeS?: number; giteaToken?: string } = {}) {
  const user = await ensureUser(spec);
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: call useAppEnv() first");
  return encode({
    token: { uid: user.id, login: user.login, name: user.name, giteaToken: opts.giteaToken },
    secret,
    maxAge: opts.maxAgeS ?? 3600,
  });
}

/** The Cookie header value carrying that session. */
export async function sessionCookieFor(spec: TestUserSpec, opts: { maxAgeS?: number; giteaToken?: string } = {}) {
  return `next-auth.session-token=${await sessionTokenFor(spec, opts)}`;
}

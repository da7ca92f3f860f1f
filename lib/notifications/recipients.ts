import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { effectiveRole } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";

// Who gets a notification (§15): people the app knows (a person who never
// signed in has no bell), never the person who acted (no notification for
// your own act) and never the bot (§15.9).

export type Recipient = { id: number; login: string; email: string; emailMode: string };

export async function resolveRecipients(logins: Iterable<string>, actorLogin: string | null): Promise<Recipient[]> {
  const skip = new Set([actorLogin?.toLowerCase(), getConfig().botUser.toLowerCase()]);
  const wanted = [...new Set([...logins].filter((l) => l && !skip.has(l.toLowerCase())))];
  if (!wanted.length) return [];
  return db().user.findMany({ where: { login: { in: wanted } }, select: { id: true, login: true, email: true, emailMode: true } });
}

/** The app's admins: the role in the database and ADMIN_LOGINS (§1). */
export async function adminLogins(): Promise<string[]> {
  const rows = await db().user.findMany({ where: { role: "admin" }, select: { login: true } });
  return [...new Set([...rows.map((r) => r.login), ...getConfig().adminLogins])];
}

/** Keeps the people who may read what a notification points at (a private branch names nothing to others, §6). */
export async function whoMayRead(people: Recipient[], mayRead: (actor: Actor) => Promise<boolean>): Promise<Recipient[]> {
  const users = await db().user.findMany({ where: { id: { in: people.map((p) => p.id) } } });
  const allowed = new Set<number>();
  for (const u of users) {
    const actor: Actor = { id: u.id, login: u.login, role: effectiveRole(u.login, u.role) };
    if (await mayRead(actor).catch(() => false)) allowed.add(u.id);
  }
  return people.filter((p) => allowed.has(p.id));
}

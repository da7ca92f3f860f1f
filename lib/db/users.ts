import "server-only";
import { effectiveRole } from "@/lib/auth/roles";
import { db } from "./client";

// The `users` table (§5): one row per person who signed in with Gitea.

export type GiteaProfile = { id: number; login: string; full_name?: string; email?: string; avatar_url?: string };

/**
 * Sign-in (§1): create or refresh the person's row from Gitea's profile.
 * Keyed by Gitea's numeric id, so a login renamed in Gitea follows its owner.
 */
export async function upsertGiteaUser({ profile }: { profile: GiteaProfile }) {
  const data = {
    login: profile.login,
    name: profile.full_name ?? "",
    email: profile.email ?? "",
    avatarUrl: profile.avatar_url ?? "",
    lastSeenAt: new Date(),
  };
  return db().$transaction(async (tx) => {
    // Another row holding this login belongs to someone who renamed away from
    // it in Gitea; free the login so the unique index does not refuse us.
    const holder = await tx.user.findUnique({ where: { login: profile.login }, select: { giteaId: true, id: true } });
    if (holder && holder.giteaId !== profile.id)
      await tx.user.update({ where: { id: holder.id }, data: { login: `${profile.login}~renamed-${holder.giteaId}` } });
    return tx.user.upsert({
      where: { giteaId: profile.id },
      update: data,
      create: { giteaId: profile.id, ...data },
      select: { id: true, login: true, name: true },
    });
  });
}

export type UserWithRole = { id: number; login: string; name: string; avatarUrl: string; role: ReturnType<typeof effectiveRole>; fromConfig: boolean };

/** The admin page's list: every user with the role they act with (§1). */
export async function listUsersWithRoles(): Promise<UserWithRole[]> {
  const rows = await db().user.findMany({
    orderBy: { login: "asc" },
    select: { id: true, login: true, name: true, avatarUrl: true, role: true },
  });
  return rows.map((r) => {
    const fromStored = effectiveRole(r.login, "contributor");
    return { ...r, role: effectiveRole(r.login, r.role), fromConfig: fromStored !== "contributor" };
  });
}

export async function findUserByLogin({ login }: { login: string }) {
  return db().user.findUnique({ where: { login }, select: { id: true, login: true, role: true } });
}

export async function setStoredRole({ userId, role }: { userId: number; role: "admin" | "contributor" }) {
  await db().user.update({ where: { id: userId }, data: { role } });
}

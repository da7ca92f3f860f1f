"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actorFrom } from "@/lib/bot/actor";
import { recordAction } from "@/lib/bot/audit";
import { assertCan } from "@/lib/auth/permissions";
import { effectiveRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { findUserByLogin, setStoredRole } from "@/lib/db/users";
import { type ActionResult, actionFailure } from "@/lib/http/action-result";
import { AppError } from "@/lib/http/errors";
import { readForm } from "@/lib/http/form-input";

// §1: the app owner promotes and demotes admins. Admins listed in
// ADMIN_LOGINS keep their role from the configuration and cannot be
// demoted here; the owner is never changed from the page.

const input = z.object({ login: z.string().trim().min(1, "Choose a user").max(100) });

async function changeRole(form: FormData, role: "admin" | "contributor"): Promise<ActionResult<{ login: string; role: string }>> {
  try {
    const user = await getCurrentUser();
    assertCan(user, "manage_admins");
    const { login } = input.parse(readForm(form));
    const target = await findUserByLogin({ login });
    if (!target) throw new AppError("not_found", `No user "${login}" has signed in yet`);
    if (effectiveRole(target.login, "contributor") !== "contributor")
      throw new AppError("conflict", `${login}'s role comes from ADMIN_LOGINS and cannot be changed here`);
    if (target.role !== role) {
      await setStoredRole({ userId: target.id, role });
      await recordAction({ actor: actorFrom(user), kind: role === "admin" ? "promote_admin" : "demote_admin", details: { login } });
    }
    revalidatePath("/admin");
    return { ok: true, data: { login, role } };
  } catch (err) {
    return actionFailure(err, `changeRole(${role})`);
  }
}

export async function promoteAdmin(_prev: unknown, form: FormData) {
  return changeRole(form, "admin");
}

export async function demoteAdmin(_prev: unknown, form: FormData) {
  return changeRole(form, "contributor");
}

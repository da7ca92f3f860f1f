import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { RoleButton } from "@/components/admin/role-button";
import { AdminMetaPrs } from "@/components/lifecycle/admin-meta-prs";
import { Avatar } from "@/components/auth/avatar";
import { RoleBadge } from "@/components/auth/role-badge";
import { requirePageUser } from "@/lib/auth/page-user";
import { can } from "@/lib/auth/permissions";
import { listUsersWithRoles } from "@/lib/db/users";
import { listOpenMetaPrs } from "@/lib/lifecycle/open-meta-prs";
import { demoteAdmin, promoteAdmin } from "./actions";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

// §1 app roles: admins see who has which role; the owner promotes and
// demotes admins. Anyone else signed in gets the 403 page (app/forbidden.tsx).
export default async function AdminPage() {
  const user = await requirePageUser();
  if (!can(user, "view_admin")) forbidden();
  const [users, metaPrs] = await Promise.all([listUsersWithRoles(), listOpenMetaPrs()]);
  const manages = can(user, "manage_admins");

  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-semibold text-slate-900">Admin</h1>
      <p className="mt-1 text-slate-600">
        {manages
          ? "Promote people to admin or demote them. Admins listed in ADMIN_LOGINS keep their role."
          : "People who have signed in and their roles. Only the app owner changes roles."}
      </p>
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users and roles</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">User</th>
              <th scope="col" className="px-4 py-2 font-medium">Role</th>
              {manages ? <th scope="col" className="px-4 py-2 text-right font-medium"><span className="sr-only">Change</span></th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {users.map((u) => (
              <tr key={u.id}>
                <td className="px-4 py-3">
                  <div className="flex items-center gap-3">
                    <Avatar src={u.avatarUrl} name={u.name || u.login} />
                    <div>
                      <div className="font-medium text-slate-900">{u.name || u.login}</div>
                      <div className="text-slate-500">@{u.login}</div>
                    </div>
                  </div>
                </td>
                <td className="px-4 py-3">
                  <span className="flex items-center gap-2">
                    <RoleBadge role={u.role} />
                    {u.fromConfig ? <span className="text-xs text-slate-500">(ADMIN_LOGINS)</span> : null}
                  </span>
                </td>
                {manages ? (
                  <td className="px-4 py-3 text-right">
                    {u.fromConfig ? null : u.role === "admin" ? (
                      <RoleButton action={demoteAdmin} login={u.login} label="Demote" />
                    ) : (
                      <RoleButton action={promoteAdmin} login={u.login} label="Promote" />
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="meta-prs-admin" className="mt-10">
        <h2 id="meta-prs-admin" className="text-lg font-semibold text-slate-900">
          Claims and metadata changes
        </h2>
        <p className="mt-1 text-sm text-slate-600">Open PRs on the meta repo that an owner of the RFC or an admin merges (§13.1).</p>
        <AdminMetaPrs prs={metaPrs} />
      </section>
    </main>
  );
}

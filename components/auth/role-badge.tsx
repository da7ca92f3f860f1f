import type { Role } from "@/lib/auth/permissions";

// The app-wide role next to a name (§1); contributors get a quiet badge.
const styles: Partial<Record<Role, string>> = {
  owner: "bg-amber-100 text-amber-900 ring-amber-300",
  admin: "bg-indigo-100 text-indigo-900 ring-indigo-300",
  contributor: "bg-slate-50 text-slate-600 ring-slate-200",
};

export function RoleBadge({ role }: { role: Role }) {
  const style = styles[role];
  if (!style) return null;
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style}`}>{role}</span>;
}

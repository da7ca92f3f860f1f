import { getConfig } from "@/lib/config";
import type { Role } from "./permissions";

// §1: the first login of ADMIN_LOGINS is the app owner; the others listed
// there are admins, as are users the owner promoted (stored role).
export function effectiveRole(login: string, storedRole: string): Role {
  const [owner, ...admins] = getConfig().adminLogins;
  if (owner && login === owner) return "owner";
  if (admins.includes(login) || storedRole === "admin") return "admin";
  return "contributor";
}

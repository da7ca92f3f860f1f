import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { loadBranchOrThrow } from "@/lib/branches/context";
import type { Change } from "@/lib/contracts";
import { AppError } from "@/lib/http/errors";
import type { RfcContext } from "@/lib/rfcs/context";

/**
 * The changes of a thread that `user` may see. A change proposed in main's
 * (public) chat and promoted to a private branch (§8.14) lives on that
 * branch: to anyone who may not see the branch it is not there at all, so
 * neither its later text nor the branch's name leaks through main.
 */
export async function changesVisibleTo(rfc: RfcContext, threadBranch: string, changes: Change[], user: Actor | null): Promise<Change[]> {
  const seen = new Map<string, boolean>();
  const visible = async (branch: string) => {
    if (branch === threadBranch) return true;
    if (!seen.has(branch)) {
      const ok = await loadBranchOrThrow(rfc, branch, user).then(
        () => true,
        (err: unknown) => {
          if (err instanceof AppError && err.code === "not_found") return false;
          throw err;
        },
      );
      seen.set(branch, ok);
    }
    return seen.get(branch)!;
  };
  const out: Change[] = [];
  for (const c of changes) if (await visible(c.branch)) out.push(c);
  return out;
}

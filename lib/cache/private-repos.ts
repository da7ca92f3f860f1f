import { db } from "@/lib/db/client";
import { looksLikeCompanion } from "@/lib/private/names";

/** A private companion repo the cache knows, or one named like one (its first refresh reads its marker). */
export async function isPrivateRepo(fullName: string): Promise<boolean> {
  if (looksLikeCompanion(fullName)) return true;
  return !!(await db().cachedPrivateRepo.findUnique({ where: { repo: fullName }, select: { repo: true } }));
}

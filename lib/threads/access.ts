import "server-only";
import type { Thread } from "@prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { loadBranchOrThrow, type BranchContext } from "@/lib/branches/context";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { loadRfcOrThrow, type RfcContext } from "@/lib/rfcs/context";

export type ThreadContext = { thread: Thread; rfc: RfcContext; branch: BranchContext };

/** A thread with its RFC and branch; 404 when missing or on a private branch the user may not see (§6). */
export async function loadThreadOrThrow(threadId: string, user: Actor | null): Promise<ThreadContext> {
  const thread = await db().thread.findUnique({ where: { id: threadId } });
  if (!thread) throw notFound("Thread not found");
  const rfc = await loadRfcOrThrow(thread.rfcSlug);
  const branch = await loadBranchOrThrow(rfc, thread.branch, user);
  return { thread, rfc, branch };
}

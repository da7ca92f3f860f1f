import "server-only";
import type { Change as ChangeRow, ThreadMessage } from "@prisma/client";
import { failDeadRepair, readDetails, repairIsDead } from "@/lib/changes/details";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { parseObject } from "@/lib/db/json";
import type { Change, ChangeStatus, Message, UserRef } from "@/lib/contracts";

// The JSON shapes of docs/API.md (UserRef, Message, Change; lib/contracts), built from rows.

export type { UserRef };
export type UserRefs = Map<number, UserRef>;

/** One query for every user id a response mentions. */
export async function loadUserRefs(ids: (number | null | undefined)[]): Promise<UserRefs> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === "number"))];
  if (!wanted.length) return new Map();
  const rows = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, login: true, name: true, avatarUrl: true } });
  return new Map(rows.map((u) => [u.id, { login: u.login, name: u.name || u.login, avatarUrl: u.avatarUrl }]));
}

const ref = (users: UserRefs, id: number | null) => (id == null ? null : (users.get(id) ?? null));

export function toMessage(m: ThreadMessage, users: UserRefs): Message {
  return {
    id: m.id,
    threadId: m.threadId,
    authorKind: m.authorKind as "user" | "ai" | "system",
    author: ref(users, m.authorId),
    body: m.body,
    modelId: m.modelId,
    status: m.status as "streaming" | "complete" | "failed",
    error: m.error,
    details: m.details ? parseObject<Record<string, unknown>>(m.details, {}) : null,
    createdAt: m.createdAt.toISOString(),
  };
}
export type MessageView = Message;

function detailsView(text: string | null): Pick<Change, "documentHas" | "repaired" | "repair" | "attempts"> {
  const read = readDetails(text);
  // A repair whose server stopped reads as failed before the reconciler writes it so (issue 16).
  const ai = getConfig().ai;
  const d = repairIsDead(read, { timeoutS: ai.enabled ? ai.timeoutS : 0 }) ? failDeadRepair(read) : read;
  return {
    documentHas: d.documentHas ?? [],
    repaired: d.repaired === true,
    repair: d.repair ? { state: d.repair.state, note: d.repair.note ?? null } : null,
    attempts: d.attempts ?? [],
  };
}

export function toChange(c: ChangeRow, users: UserRefs): Change {
  return {
    id: c.id,
    rfcSlug: c.rfcSlug,
    branch: c.branch,
    threadId: c.threadId,
    messageId: c.messageId,
    original: c.original,
    proposed: c.proposed,
    reason: c.reason,
    status: c.status as ChangeStatus,
    statusReason: c.statusReason,
    baseSha: c.baseSha,
    modelId: c.modelId,
    decidedBy: ref(users, c.decidedBy),
    decidedAt: c.decidedAt?.toISOString() ?? null,
    commitSha: c.commitSha,
    editedText: c.editedText,
    promotedFrom: c.promotedFrom,
    ...detailsView(c.details),
    createdAt: c.createdAt.toISOString(),
  };
}
export type ChangeView = Change;

export async function changeViews(rows: ChangeRow[]): Promise<ChangeView[]> {
  const users = await loadUserRefs(rows.map((c) => c.decidedBy));
  return rows.map((c) => toChange(c, users));
}

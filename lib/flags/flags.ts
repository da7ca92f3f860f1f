import "server-only";
import type { Flag as FlagRow } from "@prisma/client";
import { z } from "zod";
import { anchorSchema, parseAnchor } from "@/lib/anchors";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { FLAG_KINDS, type Flag, type FlagKind, type UserRef } from "@/lib/contracts";
import { liveWrite } from "@/lib/realtime/publish";
import { flagsTopic } from "@/lib/realtime/topics";
import { loadUserRefs } from "@/lib/threads/views";

// §8.13 flags on a message or a passage: needs an arbiter, blocking concern,
// off-topic. Owners and arbiters (and admins) list and resolve them, and
// follow them live on the RFC's flags stream (issue 14).

export const createFlagSchema = z
  .object({
    rfcSlug: z.string().min(1),
    branch: z.string().min(1),
    messageId: z.string().min(1).optional(),
    threadId: z.string().min(1).optional(),
    anchor: anchorSchema.optional(),
    kind: z.enum(FLAG_KINDS),
    note: z.string().trim().max(2000).default(""),
  })
  .refine((f) => f.messageId || f.anchor, { message: "Flag a message (messageId) or a passage (anchor)" });
export type CreateFlagInput = z.infer<typeof createFlagSchema>;

export function toFlag(f: FlagRow, users: Map<number, UserRef>): Flag {
  return {
    id: f.id,
    rfcSlug: f.rfcSlug,
    branch: f.branch,
    messageId: f.messageId,
    threadId: f.threadId,
    anchor: parseAnchor(f.anchor),
    kind: f.kind as FlagKind,
    note: f.note,
    status: f.status as "open" | "resolved",
    createdBy: users.get(f.createdBy) ?? null,
    resolvedBy: f.resolvedBy == null ? null : (users.get(f.resolvedBy) ?? null),
    resolvedAt: f.resolvedAt?.toISOString() ?? null,
    resolution: f.resolution,
    createdAt: f.createdAt.toISOString(),
  };
}
export type FlagView = Flag;

export async function flagViews(rows: FlagRow[]): Promise<FlagView[]> {
  const users = await loadUserRefs(rows.flatMap((f) => [f.createdBy, f.resolvedBy]));
  return rows.map((f) => toFlag(f, users));
}

/** The flagged message or thread must be on the flag's RFC and branch. */
async function threadOfTarget(input: CreateFlagInput): Promise<string | null> {
  let threadId = input.threadId ?? null;
  if (input.messageId) {
    const message = await db().threadMessage.findUnique({ where: { id: input.messageId }, select: { threadId: true } });
    if (!message) throw notFound("Message not found");
    if (threadId && threadId !== message.threadId) throw new AppError("unprocessable", "The message is not in that thread");
    threadId = message.threadId;
  }
  if (threadId) {
    const thread = await db().thread.findUnique({ where: { id: threadId }, select: { rfcSlug: true, branch: true } });
    if (!thread) throw notFound("Thread not found");
    if (thread.rfcSlug !== input.rfcSlug || thread.branch !== input.branch) {
      throw new AppError("unprocessable", "The thread belongs to another RFC or branch");
    }
  }
  return threadId;
}

export async function createFlag(input: CreateFlagInput, userId: number): Promise<FlagView> {
  const threadId = await threadOfTarget(input);
  const users = await loadUserRefs([userId]);
  return liveWrite(async (tx, emit) => {
    const row = await tx.flag.create({
      data: {
        rfcSlug: input.rfcSlug,
        branch: input.branch,
        messageId: input.messageId ?? null,
        threadId,
        anchor: input.anchor ? JSON.stringify(input.anchor) : null,
        kind: input.kind,
        note: input.note,
        createdBy: userId,
      },
    });
    const flag = toFlag(row, users);
    emit({ topic: flagsTopic(flag.rfcSlug), type: "flag", data: flag });
    return flag;
  });
}

export async function resolveFlag(flagId: string, userId: number, resolution?: string): Promise<FlagView> {
  return liveWrite(async (tx, emit) => {
    const row = await tx.flag.update({
      where: { id: flagId },
      data: { status: "resolved", resolvedBy: userId, resolvedAt: new Date(), resolution: resolution?.trim() || null },
    });
    const flag = (await flagViews([row]))[0];
    emit({ topic: flagsTopic(flag.rfcSlug), type: "flag_updated", data: flag });
    return flag;
  });
}

export async function listFlags(slug: string, status?: "open" | "resolved"): Promise<FlagView[]> {
  const rows = await db().flag.findMany({
    where: { rfcSlug: slug, ...(status ? { status } : {}) },
    orderBy: { createdAt: "desc" },
  });
  return flagViews(rows);
}

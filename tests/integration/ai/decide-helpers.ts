import { POST as acceptRoute } from "@/app/api/changes/[changeId]/accept/route";
import { POST as declineRoute } from "@/app/api/changes/[changeId]/decline/route";
import { POST as batchRoute } from "@/app/api/changes/accept-batch/route";
import { parseTrailers } from "@/lib/bot/trailers";
import { db } from "@/lib/db/client";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";
import { publicPlace } from "@/lib/branches/place";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { getOrCreateMainThread } from "@/lib/threads/main-thread";
import type { Fixture, Login } from "./fixture";

// Helpers for the decision tests: AI proposals as the chat route stores them
// (an AI message and its pending change rows, based on the branch head), the
// three decision routes, and reading a branch's document and commits back.

export const MODEL = "compat:test-model";

export async function propose(slug: string, branch: string, blocks: { original: string; proposed: string; reason: string }[]) {
  const thread = await getOrCreateMainThread(slug, branch);
  const doc = await readDoc(slug, branch);
  const message = await db().threadMessage.create({ data: { threadId: thread.id, authorKind: "ai", modelId: MODEL, body: "Proposals", status: "complete" } });
  const rows = [];
  for (const [blockIndex, b] of blocks.entries()) {
    rows.push(
      await db().change.create({
        data: {
          rfcSlug: slug, branch, threadId: thread.id, messageId: message.id, blockIndex, ...b,
          status: branch === "main" ? "buffered" : "pending", baseSha: doc.headSha, modelId: MODEL,
        },
      }),
    );
  }
  return { messageId: message.id, ids: rows.map((r) => r.id) };
}

export const readDoc = async (slug: string, branch: string) => readDocumentAt(publicPlace((await loadRfcOrThrow(slug)).home, branch));

export function decisions(fx: Fixture) {
  return {
    accept: (id: string, as: Login | null = "alice", body: unknown = {}) =>
      fx.call(acceptRoute as never, { as, method: "POST", params: { changeId: id }, body }),
    decline: (id: string, as: Login | null = "alice") => fx.call(declineRoute as never, { as, method: "POST", params: { changeId: id } }),
    batch: (changeIds: string[], as: Login | null = "alice") => fx.call(batchRoute as never, { as, method: "POST", body: { changeIds } }),
  };
}

/** A commit as Git holds it: subject, body paragraphs, trailers (several values per key kept). */
export function splitMessage(message: string) {
  const paragraphs = message.trimEnd().split("\n\n");
  const trailerLines = paragraphs[paragraphs.length - 1].split("\n");
  const all: [string, string][] = trailerLines.map((l) => l.split(/: (.*)/s, 2) as [string, string]);
  return { subject: paragraphs[0], body: paragraphs.slice(1, -1).join("\n\n"), trailers: parseTrailers(message), all };
}

export type ApiError = { error: { code: string; message: string; details?: Record<string, unknown> } };

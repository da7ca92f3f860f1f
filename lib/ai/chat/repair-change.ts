import "server-only";
import type { Change } from "@prisma/client";
import { generateText } from "ai";
import { buildRepairPrompt } from "@/lib/ai/repair-prompt";
import { findModel, getLanguageModel } from "@/lib/ai/providers";
import { type ChangeAttempt, type ChangeDetails, readDetails, repairIsDead, writeDetails } from "@/lib/changes/details";
import { parseChangeReply } from "@/lib/changes/parser";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { publishLive } from "@/lib/realtime/publish";
import { changeEvents } from "@/lib/realtime/thread-events";
import { toChange, type ChangeView } from "@/lib/threads/views";
import { describeAiError } from "./describe-error";
import { judgeChange, type JudgeInput } from "./judge-change";
import { takeAiRequest } from "./rate-limit";

// Issue 16 automatic repair: a block whose original matched only loosely (or
// occurs more than once) is sent back to the model that wrote it, once, with
// the document's exact source there, for a corrected block. If the answer is
// exact the card becomes pending and "repaired" (the commit then carries
// AI-Repaired: yes); otherwise it stays invalid with both attempts kept.
// A person may ask again on any invalid card ("Ask the AI to fix").
//
// Never a loop: the automatic repair runs only for a card no repair has
// touched, a repair's answer is judged but never repaired, and every repair
// counts against the asking person's rate limit.

export type RepairWhere = {
  /** The document the card is judged against, and the commit it was read at. */
  doc: { text: string; headSha: string };
  onMain: boolean;
  scope: JudgeInput["scope"];
};

const running = (d: ChangeDetails, timeoutS: number) => d.repair?.state === "running" && !repairIsDead(d, { timeoutS });

async function publish(row: Change): Promise<ChangeView> {
  const view = toChange(row, new Map());
  // On the card's thread and branch streams (issue 14); logged, so a viewer reconnecting gets it too.
  await publishLive(...changeEvents(row, "change_updated", view));
  return view;
}

/** Writes the row only while it is still invalid: a card dismissed meanwhile stays dismissed. */
async function settle(row: Change, data: Partial<Change>): Promise<ChangeView | null> {
  const res = await db().change.updateMany({ where: { id: row.id, status: "invalid" }, data });
  if (!res.count) return null;
  return publish(await db().change.findUniqueOrThrow({ where: { id: row.id } }));
}

export async function repairChange(args: { changeId: string; userId: number; automatic: boolean; where: RepairWhere }): Promise<ChangeView | null> {
  const settings = getConfig().ai;
  const row = await db().change.findUnique({ where: { id: args.changeId } });
  if (!row) throw notFound("Change not found");
  const details = readDetails(row.details);
  const count = details.repair?.count ?? 0;
  if (args.automatic && count > 0) return null; // never a second automatic repair
  if (!settings.enabled) throw new AppError("unprocessable", settings.reason);
  if (row.status !== "invalid") throw new AppError("conflict", `Only an invalid change can be repaired; this one is ${row.status}.`);
  if (running(details, settings.timeoutS)) throw new AppError("conflict", "The AI is already repairing this change.");
  const model = findModel(settings, row.modelId);

  try {
    takeAiRequest(args.userId, settings.ratePerMinute);
  } catch (err) {
    if (!args.automatic || !(err instanceof AppError)) throw err;
    return settle(row, { details: writeDetails({ ...details, repair: { state: "failed", count, note: `Not repaired automatically: ${err.message}` } }) });
  }

  const claimed = await settle(row, { details: writeDetails({ ...details, repair: { state: "running", count: count + 1, startedAt: Date.now() } }) });
  if (!claimed) return null;

  const first: ChangeAttempt = { original: row.original, proposed: row.proposed, reason: row.reason, statusReason: row.statusReason };
  const attempts = [...(details.attempts ?? [first])];
  const fail = (note: string, more: Partial<ChangeDetails> = {}) =>
    settle(row, { details: writeDetails({ ...details, ...more, attempts: more.attempts ?? attempts, repair: { state: "failed", count: count + 1, note } }) });

  const { system, prompt } = buildRepairPrompt({
    block: { original: row.original, proposed: row.proposed, reason: row.reason },
    problem: row.statusReason ?? "The original text does not occur exactly once in the document.",
    places: details.documentHas ?? [],
    matched: details.matched ?? null,
    document: args.where.doc.text,
    contextTokens: settings.contextTokens,
  });
  let answer: string;
  try {
    const result = await generateText({
      model: getLanguageModel(model.id, settings),
      system,
      prompt,
      maxRetries: 1,
      abortSignal: AbortSignal.timeout(settings.timeoutS * 1000),
    });
    answer = result.text;
  } catch (err) {
    return fail(`The repair request failed. ${describeAiError(err)}`);
  }

  const block = parseChangeReply(answer).find((e) => e.type === "change");
  if (!block) return fail("The AI answered the repair without a change block.");
  const verdict = judgeChange({ doc: args.where.doc.text, change: block, onMain: args.where.onMain, scope: args.where.scope });
  const reason = block.reason.trim() || row.reason;
  const tried: ChangeAttempt = { original: block.original, proposed: block.proposed, reason, statusReason: verdict.statusReason };
  if (verdict.status === "invalid") {
    return fail(`The repair did not hold either: ${verdict.statusReason}`, { attempts: [...attempts, tried], documentHas: verdict.details.documentHas ?? details.documentHas });
  }
  return settle(row, {
    status: verdict.status,
    statusReason: null,
    original: block.original,
    proposed: block.proposed,
    reason,
    baseSha: args.where.doc.headSha,
    details: writeDetails({ ...details, repaired: true, attempts: [...attempts, tried], repair: { state: "done", count: count + 1 } }),
  });
}

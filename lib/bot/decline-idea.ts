import { AppError } from "@/lib/http/errors";
import type { BotActor } from "./actor";
import { closeMetaPr, type CloseMetaPrResult } from "./close-meta-pr";

/**
 * §3 state 1 → declined: closes the `propose/<slug>` PR with a reason (kept
 * in the audit row and as a PR comment) and frees the slug.
 */
export async function declineIdea(args: { actor: BotActor; number: number; reason: string }): Promise<CloseMetaPrResult> {
  if (!args.reason.trim()) throw new AppError("unprocessable", "Say why the idea is declined");
  return closeMetaPr({ actor: args.actor, number: args.number, reason: args.reason, expectKind: "idea" });
}

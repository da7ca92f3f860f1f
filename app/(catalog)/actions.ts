"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { actorFrom } from "@/lib/bot/actor";
import { declineIdea } from "@/lib/bot/decline-idea";
import { mergeMetaPr } from "@/lib/bot/merge-meta-pr";
import { proposeIdea } from "@/lib/bot/propose-idea";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { proposeInput } from "@/lib/catalog/propose-input";
import { getConfig } from "@/lib/config";
import { isSlugTaken } from "@/lib/db/queries/pending-ideas";
import { actionFailure, type ActionResult } from "@/lib/http/action-result";
import { readForm } from "@/lib/http/form-input";
import { ideaProposer, notifyIdea } from "@/lib/notifications/events";

// §7 catalog actions: parse → load the user → assertCan → bot → refresh the
// touched cache (§4.1: the same refresh functions the webhook uses) so the
// catalog shows the result at once.

const IDEA_SCOPE = { rfc: { owners: [], arbiters: [] } }; // an idea has no owners yet: admins decide (§3)
const refreshMeta = (needs: Parameters<typeof enqueueRefresh>[1]) => enqueueRefresh(getConfig().metaRepoFullName, needs);

/** Opens the `propose/<slug>` PR, then shows the catalog with the idea pending. */
export async function proposeIdeaAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  let slug: string;
  try {
    const input = proposeInput.parse(readForm(form));
    const user = await getCurrentUser();
    assertCan(user, "propose");
    if (await isSlugTaken({ slug: input.slug })) {
      return { ok: false, code: "conflict", message: "That slug is taken", fieldErrors: { slug: `"${input.slug}" is already used by an RFC or an open idea` } };
    }
    const pr = await proposeIdea({ actor: actorFrom(user), ...input });
    await refreshMeta({ pulls: [pr.prNumber] });
    slug = input.slug;
  } catch (err) {
    const failure = actionFailure(err, "proposeIdeaAction");
    // Gitea refusing the branch or the entry (409, 422) is about the slug: show it there.
    if ((failure.code === "conflict" || failure.code === "unprocessable") && !failure.fieldErrors) failure.fieldErrors = { slug: failure.message };
    return failure;
  }
  revalidatePath("/");
  redirect(`/?proposed=${encodeURIComponent(slug)}#pending-ideas`);
}

const prNumber = z.coerce.number().int().positive();

export async function mergeIdeaAction(_prev: ActionResult<{ slug: string }> | null, form: FormData): Promise<ActionResult<{ slug: string }>> {
  try {
    const number = prNumber.parse(readForm(form).number);
    const user = await getCurrentUser();
    assertCan(user, "merge_meta_pr", IDEA_SCOPE);
    const proposer = await ideaProposer(getConfig().metaRepoFullName, number);
    const merged = await mergeMetaPr({ actor: actorFrom(user), number, expectKind: "idea" });
    await notifyIdea({ slug: merged.slug, proposer, prNumber: number, verb: "merged", actor: user });
    await refreshMeta({ pulls: [number], branches: true, entries: true });
    revalidatePath("/");
    return { ok: true, data: { slug: merged.slug } };
  } catch (err) {
    return actionFailure(err, "mergeIdeaAction");
  }
}

const declineForm = z.object({
  number: prNumber,
  reason: z.string().trim().min(3, "Say why, in a few words").max(2000, "Keep the reason under 2,000 characters"),
});

export async function declineIdeaAction(_prev: ActionResult<{ slug: string }> | null, form: FormData): Promise<ActionResult<{ slug: string }>> {
  try {
    const fields = readForm(form);
    const input = declineForm.parse({ number: fields.number, reason: fields.reason ?? "" });
    const user = await getCurrentUser();
    assertCan(user, "decline_idea", IDEA_SCOPE);
    const proposer = await ideaProposer(getConfig().metaRepoFullName, input.number);
    const declined = await declineIdea({ actor: actorFrom(user), number: input.number, reason: input.reason });
    await notifyIdea({ slug: declined.slug, proposer, prNumber: input.number, verb: "declined", reason: input.reason, actor: user });
    await refreshMeta({ pulls: [input.number] });
    revalidatePath("/");
    return { ok: true, data: { slug: declined.slug } };
  } catch (err) {
    return actionFailure(err, "declineIdeaAction");
  }
}

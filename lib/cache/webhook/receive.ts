import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { isPrivateRepo } from "../private-repos";
import { enqueueRefresh } from "../refresh-queue";
import { recordDelivery } from "./deliveries";
import { webhookHandlers } from "./handlers";
import { notifyPrFromGitea } from "@/lib/notifications/pr-webhook";
import { basePayload, pullRequestPayload, type RepoTarget } from "./payload";
import { verifySignature } from "./signature";

export type WebhookAnswer = { status: "queued" | "duplicate" | "ignored"; event: string; repo?: string };

/** Meta repo, a private companion repo, a per-RFC repo the cache knows, or not ours. */
async function targetOf(fullName: string): Promise<RepoTarget | null> {
  if (fullName === getConfig().metaRepoFullName) return { repo: fullName, kind: "meta" };
  if (await isPrivateRepo(fullName)) return { repo: fullName, kind: "private" };
  const known = await db().cachedRfc.findFirst({ where: { repo: fullName }, select: { slug: true } });
  return known ? { repo: fullName, kind: "rfc" } : null;
}

/** The PR opened or merged that a `pull_request` event reports, and who did it; null for anything else. */
function prNotice(json: unknown) {
  const p = pullRequestPayload.parse(json);
  const verb = p.action === "opened" ? "opened" : p.action === "closed" && p.pull_request?.merged ? "merged" : null;
  return verb && p.sender ? { number: p.number, verb, sender: { login: p.sender.login, name: p.sender.full_name ?? null } } as const : null;
}

/**
 * §4.1 webhook: verify the signature over the raw bytes before parsing
 * (401 and no write otherwise), parse, record the delivery id (a repeat
 * does nothing), dispatch on repository and event, and queue the refresh
 * without waiting for it, so Gitea gets its answer in milliseconds.
 */
export async function receiveWebhook(req: Request): Promise<WebhookAnswer> {
  const body = new Uint8Array(await req.arrayBuffer());
  if (!verifySignature(body, req.headers.get("x-gitea-signature"), getConfig().webhookSecret)) {
    throw new AppError("unauthorized", "Missing or invalid X-Gitea-Signature");
  }
  const event = req.headers.get("x-gitea-event") ?? "";
  const delivery = req.headers.get("x-gitea-delivery") ?? "";
  if (!event || !delivery) throw new AppError("bad_request", "Missing X-Gitea-Event or X-Gitea-Delivery");
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch {
    throw new AppError("bad_request", "The payload is not JSON");
  }
  const base = basePayload.safeParse(json);
  const fullName = base.success ? base.data.repository.full_name : null;
  if (!(await recordDelivery(delivery, event, fullName))) return { status: "duplicate", event };

  const handler = webhookHandlers[event];
  const target = fullName ? await targetOf(fullName) : null;
  if (!handler || !target) return { status: "ignored", event, ...(fullName ? { repo: fullName } : {}) };
  const needs = handler(json, target); // a malformed payload throws a ZodError → 422
  if (!needs) return { status: "ignored", event, repo: target.repo };
  // The first event of a burst refreshes at once; the rest of the burst gathers into one more run.
  const refreshed = enqueueRefresh(target.repo, needs, { burst: true });
  // A PR opened or merged in Gitea itself: told once the cache knows which RFC and branch it is (§15).
  const pr = event === "pull_request" ? prNotice(json) : null;
  if (pr) void refreshed.then(() => notifyPrFromGitea({ repo: target.repo, ...pr }));
  return { status: "queued", event, repo: target.repo };
}

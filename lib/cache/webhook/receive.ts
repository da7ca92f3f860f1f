import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { isPrivateRepo } from "../private-repos";
import { enqueueRefresh } from "../refresh-queue";
import { recordDelivery } from "./deliveries";
import { webhookHandlers } from "./handlers";
import { basePayload, type RepoTarget } from "./payload";
import { verifySignature } from "./signature";

export type WebhookAnswer = { status: "queued" | "duplicate" | "ignored"; event: string; repo?: string };

/** Meta repo, a private companion repo, a per-RFC repo the cache knows, or not ours. */
async function targetOf(fullName: string): Promise<RepoTarget | null> {
  if (fullName === getConfig().metaRepoFullName) return { repo: fullName, kind: "meta" };
  if (await isPrivateRepo(fullName)) return { repo: fullName, kind: "private" };
  const known = await db().cachedRfc.findFirst({ where: { repo: fullName }, select: { slug: true } });
  return known ? { repo: fullName, kind: "rfc" } : null;
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
  void enqueueRefresh(target.repo, needs, { burst: true });
  return { status: "queued", event, repo: target.repo };
}

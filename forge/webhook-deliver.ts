import { createHmac } from "node:crypto";
import type { GiteaProfile } from "./profile";
import type { HookRec } from "./types";
import type { Delivery } from "./webhooks";

// One HTTP delivery with Gitea's headers (FACTS §1): signatures are hex HMACs
// over the exact JSON bytes (also for content type `form`), empty without a
// secret; 5 s whole-request timeout; only 2xx counts as success. 1.24 adds
// the hook's installation target type (go-gitea/gitea#33752).

export const DELIVER_TIMEOUT_MS = 5000;

export function signatureHeaders(secret: string, body: string): Record<string, string> {
  const sha256 = secret ? createHmac("sha256", secret).update(body).digest("hex") : "";
  const sha1 = secret ? createHmac("sha1", secret).update(body).digest("hex") : "";
  return {
    "X-Gitea-Signature": sha256,
    "X-Gogs-Signature": sha256,
    "X-Hub-Signature": `sha1=${sha1}`,
    "X-Hub-Signature-256": `sha256=${sha256}`,
  };
}

export function deliveryHeaders(hook: HookRec, d: Delivery, gitea: GiteaProfile): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": hook.contentType === "form" ? "application/x-www-form-urlencoded" : "application/json",
    "User-Agent": "Go-http-client/1.1",
    "X-Gitea-Delivery": d.uuid,
    "X-Gitea-Event": d.event,
    "X-Gitea-Event-Type": d.event_type,
    "X-Gogs-Delivery": d.uuid,
    "X-Gogs-Event": d.event,
    "X-Gogs-Event-Type": d.event_type,
    "X-GitHub-Delivery": d.uuid,
    "X-GitHub-Event": d.event,
    "X-GitHub-Event-Type": d.event_type,
    ...signatureHeaders(hook.secret, d.body),
  };
  if (gitea.hookTargetTypeHeader) {
    headers["X-Gitea-Hook-Installation-Target-Type"] = d.hook_scope;
    headers["X-GitHub-Hook-Installation-Target-Type"] = d.hook_scope;
  }
  if (hook.authorizationHeader) headers.Authorization = hook.authorizationHeader;
  return headers;
}

export async function deliver(hook: HookRec, d: Delivery, gitea: GiteaProfile): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const body = hook.contentType === "form" ? `payload=${encodeURIComponent(d.body)}` : d.body;
  try {
    const res = await fetch(hook.url, {
      method: "POST",
      headers: deliveryHeaders(hook, d, gitea),
      body,
      signal: AbortSignal.timeout(DELIVER_TIMEOUT_MS),
      redirect: "manual",
    });
    await res.arrayBuffer().catch(() => undefined);
    return { ok: res.status >= 200 && res.status < 300, status: res.status, error: null };
  } catch (err) {
    return { ok: false, status: null, error: (err as Error).message };
  }
}

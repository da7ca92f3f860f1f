// Timing and ordering knobs of the forge's Gitea model (FACTS §1, §7.2),
// set at start (FORGE_MERGE_CHECK_MS, FORGE_WEBHOOK_ORDER) and changeable
// by tests through PATCH /_forge/behaviour.

export const WEBHOOK_ORDERS = ["concurrent", "ordered", "reverse", "shuffle"] as const;
/**
 * How queued deliveries go out. `concurrent` (the default) is Gitea's
 * webhook_sender queue: several workers, no order guaranteed. `ordered`
 * sends each hook's deliveries one after another as queued. `reverse` and
 * `shuffle` send the deliveries one request caused in reverse or random
 * order, so tests can force what Gitea may do.
 */
export type WebhookOrder = (typeof WEBHOOK_ORDERS)[number];

export interface Behaviour {
  /** How long a queued mergeability check takes (Gitea's pr_patch_checker queue). */
  mergeCheckMs: number;
  webhookOrder: WebhookOrder;
}

export const DEFAULT_BEHAVIOUR: Behaviour = { mergeCheckMs: 250, webhookOrder: "concurrent" };

export const isWebhookOrder = (v: string): v is WebhookOrder => (WEBHOOK_ORDERS as readonly string[]).includes(v);

/** The behaviour named by FORGE_MERGE_CHECK_MS / FORGE_WEBHOOK_ORDER (unset = defaults); throws on a bad value. */
export function behaviourFromEnv(env: Record<string, string | undefined>): Behaviour {
  const out = { ...DEFAULT_BEHAVIOUR };
  const ms = env.FORGE_MERGE_CHECK_MS?.trim();
  if (ms) {
    const n = Number(ms);
    if (!Number.isInteger(n) || n < 0 || n > 600_000) throw new Error(`FORGE_MERGE_CHECK_MS must be a whole number of milliseconds (got "${ms}")`);
    out.mergeCheckMs = n;
  }
  const order = env.FORGE_WEBHOOK_ORDER?.trim();
  if (order) {
    if (!isWebhookOrder(order)) throw new Error(`FORGE_WEBHOOK_ORDER must be one of ${WEBHOOK_ORDERS.join(", ")} (got "${order}")`);
    out.webhookOrder = order;
  }
  return out;
}

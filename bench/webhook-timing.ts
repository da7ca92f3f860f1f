import { randomUUID } from "node:crypto";
import { signBody } from "@/lib/cache/webhook/signature";
import type { BenchWorld } from "./world";

type Logged = { event: string; repository: string; body?: string; payload: unknown };

/**
 * Posts `n` correctly signed push deliveries for `repo` to the app server,
 * one after another, and times each answer. The payload is a real one from
 * the forge's delivery log (its pretty-printed bytes, as Gitea sends them).
 */
export async function timeWebhooks(w: BenchWorld, repo: string, n: number) {
  const log = (await (await w.forgeAdmin("/deliveries?event=push")).json()) as Logged[];
  const sample = log.find((d) => d.repository === repo);
  if (!sample) throw new Error(`no push delivery logged for ${repo}`);
  const body = JSON.stringify(sample.payload, null, 2);
  const signature = signBody(body, w.webhookSecret);
  const times: number[] = [];
  const firstHit = w.app.hits.length;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${w.app.url}/api/webhooks/gitea`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-gitea-event": "push", "x-gitea-delivery": randomUUID(), "x-gitea-signature": signature },
      body,
    });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  }
  // Client round trip, and the route's own time as the app server measured it.
  return { n, client: stats(times), route: stats(w.app.hits.slice(firstHit).map((h) => h.ms)) };
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

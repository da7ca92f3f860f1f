import { getConfig } from "@/lib/config";

// The one way the server calls Gitea over HTTP (gitea-js's customFetch, the
// token check). Every request has a deadline, GITEA_TIMEOUT_S: a hung Gitea
// fails the request instead of hanging it, and whatever lock the caller
// holds is released in bounded time. Reads (GET, HEAD) that fail in a way a
// second try can mend — no answer, the deadline, 429, 500, 502, 503, 504 —
// are retried with back-off. Writes never are: one that timed out may have
// landed, and only its caller can tell.

export const READ_ATTEMPTS = 3;
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

// Counts requests per process so benchmarks and the health route can report them.
const counter = { requests: 0 };
export const giteaRequestCount = () => counter.requests;

/** 250 ms, then 1 s (±25 %): enough for a restart or a queue to drain, short enough for a page load. */
export const retryDelayMs = (attempt: number) => 250 * 4 ** (attempt - 1) * (0.75 + Math.random() * 0.5);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class GiteaTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms / 1000} s`);
    this.name = "GiteaTimeout";
  }
}

/** `attempts` caps the tries of a read (1 = no retry), for a caller that answers a page and must not wait long. */
export async function giteaFetch(input: RequestInfo | URL, init: RequestInit = {}, opts: { attempts?: number } = {}): Promise<Response> {
  const timeoutMs = getConfig().giteaTimeoutMs;
  const method = (init.method ?? "GET").toUpperCase();
  const idempotent = method === "GET" || method === "HEAD";
  const attempts = Math.max(1, Math.min(opts.attempts ?? READ_ATTEMPTS, READ_ATTEMPTS));
  for (let attempt = 1; ; attempt++) {
    counter.requests += 1;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      const res = await fetch(input, { ...init, signal, cache: "no-store" });
      if (!idempotent || attempt >= attempts || !RETRY_STATUSES.has(res.status)) return res;
      await res.arrayBuffer().catch(() => undefined); // let the connection go back to the pool
    } catch (err) {
      if (init.signal?.aborted) throw err; // the caller gave up: no retry
      const failure = deadline.aborted ? new GiteaTimeout(timeoutMs) : err;
      if (!idempotent || attempt >= attempts) throw failure;
    }
    await sleep(retryDelayMs(attempt));
  }
}

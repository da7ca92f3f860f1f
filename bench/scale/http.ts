import http from "node:http";

// Timed HTTP for the benchmark: one request at a time over a keep-alive
// connection, as a browser reuses its connection. TTFB is the time from
// sending the request to the first byte of the body.

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Keep-alive connections for `n` requests in flight at once. */
export const agentFor = (n: number) => new http.Agent({ keepAlive: true, maxSockets: n });

export type Timed = { status: number; ttfbMs: number; totalMs: number; bytes: number; body: string; headers: http.IncomingHttpHeaders };

export function timedRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfb = 0;
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, agent: opts.agent ?? agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => {
        if (!ttfb) ttfb = performance.now() - started;
        chunks.push(c);
      });
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, ttfbMs: ttfb || performance.now() - started, totalMs: performance.now() - started, bytes: body.length, body: body.toString("utf8"), headers: res.headers });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

export type Stats = { n: number; median: number; p95: number; max: number };

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/** Runs `n` requests one after another (after `warm` unmeasured ones) and keeps their timings. */
export async function measure<T>(n: number, one: (i: number) => Promise<T>, warm = 5): Promise<T[]> {
  for (let i = 0; i < warm; i++) await one(i);
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await one(i));
  return out;
}

export const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;

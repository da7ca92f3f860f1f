import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// A webhook receiver for tests: keeps each request's raw bytes and headers.
// Any path containing "/fail" answers 500.

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** The JSON payload (from the body, or the `payload` field of a form body). */
  payload: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- payloads are asserted field by field
}

export async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const text = raw.toString("utf8");
      const json = req.headers["content-type"]?.includes("x-www-form-urlencoded") ? new URLSearchParams(text).get("payload") ?? "" : text;
      received.push({ path: req.url ?? "", headers: req.headers, raw, payload: JSON.parse(json) });
      res.writeHead(req.url?.includes("/fail") ? 500 : 200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    /** Received requests of one X-Gitea-Event-Type (or all), optionally for one path. */
    of: (eventType?: string, path?: string) =>
      received.filter((r) => (!eventType || r.headers["x-gitea-event-type"] === eventType) && (!path || r.path === path)),
    clear: () => void received.splice(0),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as webhookPost } from "@/app/api/webhooks/gitea/route";

// A small in-process app server for integration tests: node:http on port 0
// turning requests into `Request`s for imported route handlers, so the
// forge's real webhook deliveries reach the app (docs/ARCHITECTURE.md).

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type AppRoutes = Record<string, RouteHandler>; // "POST /api/webhooks/gitea" → handler

export const DEFAULT_ROUTES: AppRoutes = { "POST /api/webhooks/gitea": webhookPost };

export type AppServer = { url: string; hits: { method: string; path: string; status: number; ms: number }[]; close(): Promise<void> };

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startAppServer(routes: AppRoutes = DEFAULT_ROUTES): Promise<AppServer> {
  const hits: AppServer["hits"] = [];
  const server: Server = createServer(async (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const handler = routes[`${req.method} ${url.pathname}`];
    let response: Response;
    if (!handler) response = Response.json({ error: { code: "not_found", message: "no such route" } }, { status: 404 });
    else {
      const body = await readBody(req);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(url, { method: req.method, headers, body: body.length ? new Uint8Array(body) : undefined });
      response = await handler(request, { params: Promise.resolve({}) });
    }
    const out = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(out);
    hits.push({ method: req.method ?? "", path: url.pathname, status: response.status, ms: performance.now() - started });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

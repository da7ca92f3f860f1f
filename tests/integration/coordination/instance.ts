// One app instance for the multi-instance tests (issue 19), in a process of
// its own: the app's real route handlers behind node:http (streamed, so SSE
// works), its own bus and locks from COORDINATION/REDIS_URL, and its own
// reconciler loop. Run by tests/helpers/instances.ts with
// `node --conditions=react-server --import tsx` (server-only resolves to its
// empty module there, as in Next's server bundle). Prints its URL on stdout.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { POST as accept } from "@/app/api/changes/[changeId]/accept/route";
import { GET as health } from "@/app/api/health/route";
import { POST as graduate } from "@/app/api/rfcs/[slug]/graduate/route";
import { GET as threadEvents } from "@/app/api/threads/[threadId]/events/route";
import { POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { startReconciler } from "@/lib/cache/start";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: [string, RegExp, Handler][] = [
  ["GET", /^\/api\/health$/, health as Handler],
  ["GET", /^\/api\/threads\/(?<threadId>[^/]+)\/events$/, threadEvents as Handler],
  ["POST", /^\/api\/threads\/(?<threadId>[^/]+)\/messages$/, postMessage as Handler],
  ["POST", /^\/api\/changes\/(?<changeId>[^/]+)\/accept$/, accept as Handler],
  ["POST", /^\/api\/rfcs\/(?<slug>[^/]+)\/graduate$/, graduate as Handler],
];

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const route = routes.map(([m, re, h]) => ({ m, h, match: re.exec(url.pathname) })).find((r) => r.m === req.method && r.match);
  if (!route) return void res.writeHead(404).end();
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  const body = chunks.length ? new Uint8Array(Buffer.concat(chunks)) : undefined;
  const request = new Request(url, { method: req.method, headers, body, signal: abort.signal });
  const response = await route.h(request, { params: Promise.resolve({ ...route.match!.groups }) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  Readable.fromWeb(response.body as never).on("error", () => res.end()).pipe(res);
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
  startReconciler();
});

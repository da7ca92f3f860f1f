import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { withDeferred } from "./after-response";
import { authenticate, requireScope } from "./auth";
import { corruptContents } from "./faults";
import type { Forge } from "./forge";
import { HttpError, notFound, type Auth, type Ctx, type Reply } from "./http";
import { matchRoute } from "./route";
import { routes } from "./router";

// The request pipeline: match → faults → auth/scope → handler → Gitea-shaped
// errors (a bug is a logged 500 with {message}) → request log.

const MAX_BODY = 100 * 1024 * 1024;
const ANON: Auth = { user: null, kind: null, scopes: [] };

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new HttpError(413, "request body too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function errorReply(forge: Forge, err: unknown, method: string, path: string): Reply {
  const url = `${forge.root}api/swagger`;
  if (err instanceof HttpError) return { status: err.status, body: { message: err.message, url, ...err.extra } };
  console.error(`[forge] 500 on ${method} ${path}:`, err);
  return { status: 500, body: { message: "internal server error", url } };
}

function send(res: ServerResponse, reply: Reply, head: boolean): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: Buffer | string | undefined;
  if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers["Content-Type"] = "application/json;charset=utf-8";
  } else if (reply.raw !== undefined) {
    payload = reply.raw;
    headers["Content-Type"] = reply.contentType ?? "application/octet-stream";
  }
  if (payload !== undefined) headers["Content-Length"] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(head ? undefined : payload);
}

const safeDecode = (p: string) => {
  try {
    return decodeURI(p);
  } catch {
    return p;
  }
};

export function createHandler(forge: Forge) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = (req.method ?? "GET").toUpperCase();
    const raw = req.url ?? "/";
    const url = new URL(`http://forge${raw.startsWith("/") ? raw : `/${raw}`}`);
    const match = matchRoute(routes, method === "HEAD" ? "GET" : method, url.pathname);
    const isAdmin = Boolean(match?.route.admin);
    let release = () => undefined as void;
    let reply: Reply;
    try {
      let rawBody = await readBody(req);
      const fault = isAdmin ? null : forge.faults.check(method, safeDecode(url.pathname), rawBody);
      if (fault?.corrupt) rawBody = corruptContents(rawBody);
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault) await forge.faults.wait(fault);
      const phase = fault?.phase ?? "before";
      if (fault?.status && phase === "before") throw new HttpError(fault.status, fault.message ?? "injected fault");
      if (!match) throw notFound();
      if ([...url.searchParams.values()].some((v) => v.includes("\0"))) throw new HttpError(422, "invalid query parameter");
      const needsAuth = isAdmin || match.route.pattern.startsWith("/api/v1/");
      const auth = needsAuth ? authenticate(forge, req, url.searchParams) : ANON;
      if (match.route.scope) requireScope(auth, match.route.scope, method !== "GET" && method !== "HEAD");
      const ctx: Ctx = { forge, req, method, url, query: url.searchParams, params: match.params, auth, rawBody, fault };
      const done = await withDeferred(async () => match.route.handler(ctx));
      release = done.release;
      reply = done.result;
      // The work is done (and its webhooks queued); only the answer is lost.
      if (fault?.status && phase === "after") reply = errorReply(forge, new HttpError(fault.status, fault.message ?? "injected fault"), method, url.pathname);
    } catch (err) {
      reply = errorReply(forge, err, method, url.pathname);
    }
    res.on("finish", release);
    res.on("close", release);
    // A client that gave up before the answer (its own deadline) closed the
    // response already: what the request did still sends its webhooks, as
    // Gitea's queue does, instead of waiting for an event that has passed.
    if (res.destroyed) release();
    try {
      send(res, reply, method === "HEAD");
    } catch (err) {
      console.error("[forge] failed to send a response:", err);
      res.destroy();
    }
    const ms = Math.round((performance.now() - started) * 10) / 10;
    if (!isAdmin) forge.requests.record({ method, path: url.pathname, route: match?.route.pattern ?? "unmatched", status: reply.status, ms });
    if (forge.log) console.log(`[forge] ${method} ${url.pathname}${url.search} → ${reply.status} (${ms} ms)`);
  };
}

import { findUnencodable } from "@/lib/text/encodable";
import { AppError } from "./errors";
import { toErrorResponse } from "./response";

type Params = Record<string, string | string[]>;
export type RouteContext<P extends Params = Params> = { params: Promise<P> };
type Handler<P extends Params> = (req: Request, ctx: RouteContext<P>) => Promise<Response>;

/**
 * Wraps a route handler once: errors become `{ error: { code, message } }`
 * with a fitting status through toAppError (STYLE.md), unexpected ones
 * logged with the route's method and path.
 */
export function withRoute<P extends Params = Params>(handler: Handler<P>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(req, ctx);
    } catch (err) {
      return toErrorResponse(err, `${req.method} ${new URL(req.url).pathname}`);
    }
  };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Throws 400 naming the field when a parsed input holds text that cannot be
 * stored (lib/text/encodable.ts). readJson, readQuery, decodeParam and
 * readForm call it, so every route and server action that reads its input
 * through them refuses such text before any zod schema sees it.
 */
export function assertEncodable(value: unknown, where?: string): void {
  const hit = findUnencodable(value, where ? [where] : []);
  if (hit) throw new AppError("bad_request", `${hit.path}: ${hit.reason}`, { field: hit.path });
}

/** Reads a JSON body; a malformed body (bad JSON, bad UTF-8, unencodable text) is a 400, never a 500. */
export async function readJson(req: Request): Promise<unknown> {
  let text: string;
  try {
    text = utf8.decode(await req.arrayBuffer());
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8");
  }
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
  assertEncodable(value);
  return value;
}

/** The query string as an object of strings (the last value of a repeated key wins). */
export function readQuery(req: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  assertEncodable(query);
  return query;
}

/**
 * A route param, URL-decoded (branch names contain `/`, §17). Next hands
 * params over still encoded; one that does not decode is a 400 naming it
 * (middleware.ts already answers undecodable paths, this is the backstop).
 */
export function decodeParam(value: string | string[] | undefined, name = "path"): string {
  const raw = Array.isArray(value) ? value.join("/") : (value ?? "");
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new AppError("bad_request", `${name}: not a valid URL-encoded value`, { field: name });
  }
  assertEncodable(decoded, name);
  return decoded;
}

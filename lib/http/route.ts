import { AppError } from "./errors";
import { toErrorResponse } from "./response";

type Params = Record<string, string | string[]>;
export type RouteContext<P extends Params = Params> = { params: Promise<P> };
type Handler<P extends Params> = (req: Request, ctx: RouteContext<P>) => Promise<Response>;

/**
 * Wraps a route handler once: errors become `{ error: { code, message } }`
 * with a fitting status (STYLE.md). Route params are URL-decoded, since
 * branch names contain `/` (§17).
 */
export function withRoute<P extends Params = Params>(handler: Handler<P>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(req, ctx);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}

/** Reads a JSON body; a malformed body is a 400, never a 500. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
}

export function decodeParam(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value.join("/") : (value ?? "");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import type { Fault } from "./faults";
import type { Forge } from "./forge";
import type { UserRec } from "./types";

// Request context, replies and Gitea-shaped errors (FACTS §5).

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const NOT_FOUND_MESSAGE = "The target couldn't be found.";
export const notFound = () => new HttpError(404, NOT_FOUND_MESSAGE, { errors: [] });
export const forbidden = (message = "user should have specific permission or be a site admin") => new HttpError(403, message);
export const unprocessable = (message: string) => new HttpError(422, message);
export const conflict = (message: string) => new HttpError(409, message);
/** An unmapped error: Gitea in production hides the message of a 500 from non-admins (services/context/api.go). */
export const internal = () => new HttpError(500, "");

export interface Reply {
  status: number;
  body?: unknown; // JSON
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });
export const noContent = (): Reply => ({ status: 204 });

export interface Auth {
  user: UserRec | null;
  kind: "api" | "oauth" | "basic" | null;
  scopes: string[];
}

export interface Ctx {
  forge: Forge;
  req: IncomingMessage;
  method: string;
  url: URL;
  query: URLSearchParams;
  params: Record<string, string>;
  auth: Auth;
  rawBody: Buffer;
  /** The injected fault this request matched, if any (faults.ts). */
  fault: Fault | null;
}

/** The signed-in user, or 401 as Gitea's reqToken(). */
export function requireUser(ctx: Ctx): UserRec {
  if (!ctx.auth.user) throw new HttpError(401, "token is required");
  return ctx.auth.user;
}

export function requireAdmin(ctx: Ctx): UserRec {
  const user = requireUser(ctx);
  if (!user.isAdmin) throw new HttpError(403, "reqSiteAdmin");
  return user;
}

/** Parses the JSON body (empty = {}); malformed JSON or a schema failure is 422 like Gitea's binding. */
export function parseBody<T extends z.ZodType>(ctx: Ctx, schema: T): z.infer<T> {
  let data: unknown = {};
  const text = ctx.rawBody.toString("utf8").trim();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw unprocessable(`invalid JSON body: ${(err as Error).message}`);
    }
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw unprocessable("request body must be a JSON object");
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.map(String).join(".") || "body";
    throw unprocessable(`[${field}]: ${issue.message}`);
  }
  return result.data;
}

export function intParam(ctx: Ctx, name: string): number {
  const n = Number(ctx.params[name]);
  if (!Number.isSafeInteger(n)) throw notFound();
  return n;
}

/** Boolean query parameter with a default ("true"/"1" → true, "false"/"0" → false). */
export function boolQuery(ctx: Ctx, name: string, fallback: boolean): boolean {
  const v = ctx.query.get(name);
  if (v === null || v === "") return fallback;
  return v === "true" || v === "1";
}

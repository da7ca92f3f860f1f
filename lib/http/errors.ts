// One error type for the app, mapped to HTTP in one place (withRoute).

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "cross_site" // a mutating request from another site (lib/http/same-origin.ts)
  | "not_found"
  | "method_not_allowed" // a method the API route does not answer (middleware.ts, with Allow)
  | "conflict"
  | "unprocessable"
  | "rate_limited"
  | "upstream"
  | "internal";

export const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  cross_site: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  upstream: 502,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return statusOf[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (why = "You are not allowed to do this") => new AppError("forbidden", why);
export const unauthorized = (why = "Sign in first") => new AppError("unauthorized", why);
export const conflict = (why: string, details?: Record<string, unknown>) => new AppError("conflict", why, details);

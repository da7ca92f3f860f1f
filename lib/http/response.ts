import { type ErrorCode, statusOf } from "./errors";
import { toAppError } from "./to-app-error";

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

export function errorResponse(code: ErrorCode, message: string, details?: Record<string, unknown>, status?: number) {
  const body: ErrorBody = { error: { code, message, ...(details ? { details } : {}) } };
  return Response.json(body, { status: status ?? statusOf[code] });
}

/** Any thrown value as the one error body shape (STYLE.md "Errors"), through toAppError. */
export function toErrorResponse(err: unknown, where?: string): Response {
  const e = toAppError(err, where);
  return errorResponse(e.code, e.message, e.details);
}

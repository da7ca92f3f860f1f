import { ZodError } from "zod";
import { AppError, type ErrorCode, statusOf } from "./errors";
import { GiteaError } from "@/lib/gitea/errors";

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

export function errorResponse(code: ErrorCode, message: string, details?: Record<string, unknown>, status?: number) {
  const body: ErrorBody = { error: { code, message, ...(details ? { details } : {}) } };
  return Response.json(body, { status: status ?? statusOf[code] });
}

/** Maps any thrown value to the one error body shape (STYLE.md "Errors"). */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof AppError) return errorResponse(err.code, err.message, err.details);
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return errorResponse("unprocessable", `${where}${first?.message ?? "invalid input"}`, {
      issues: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  if (err instanceof GiteaError) {
    // A Gitea 404/409/422 on a user's request is the user's problem; the rest is upstream.
    if (err.status === 404) return errorResponse("not_found", err.message);
    if (err.status === 409) return errorResponse("conflict", err.message);
    if (err.status === 422) return errorResponse("unprocessable", err.message);
    return errorResponse("upstream", `Gitea: ${err.message}`);
  }
  console.error("[quorum] unhandled error", err);
  return errorResponse("internal", "Something went wrong on our side");
}

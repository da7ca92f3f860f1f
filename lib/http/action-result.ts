import { ZodError } from "zod";
import { GiteaError } from "@/lib/gitea/errors";
import { AppError, type ErrorCode } from "./errors";

// Server actions answer one shape (STYLE.md "Mutations"), so forms can show
// a message and per-field errors without knowing where a failure came from.

export type ActionFailure = { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export function fieldErrorsOf(err: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

/** Maps whatever a server action caught to an ActionFailure (logging only the unexpected). */
export function actionFailure(err: unknown): ActionFailure {
  if (err instanceof AppError) {
    // readForm's refusals name their field (lib/http/form-input.ts): show it there.
    const field = typeof err.details?.field === "string" ? err.details.field : null;
    return { ok: false, code: err.code, message: err.message, ...(field ? { fieldErrors: { [field]: err.message } } : {}) };
  }
  if (err instanceof ZodError) {
    return { ok: false, code: "unprocessable", message: "Please correct the highlighted fields", fieldErrors: fieldErrorsOf(err) };
  }
  if (err instanceof GiteaError) {
    if (err.status === 404) return { ok: false, code: "not_found", message: err.message };
    if (err.status === 409 || err.status === 422) return { ok: false, code: "conflict", message: err.message };
    return { ok: false, code: "upstream", message: `Gitea could not do it: ${err.message}` };
  }
  console.error("[quorum] server action failed", err);
  return { ok: false, code: "internal", message: "Something went wrong on our side" };
}

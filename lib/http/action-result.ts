import { ZodError } from "zod";
import type { ErrorCode } from "./errors";
import { fieldErrorsOf, toAppError } from "./to-app-error";

// Server actions answer one shape (STYLE.md "Mutations"), so forms can show
// a message and per-field errors without knowing where a failure came from.
// The mapping is toAppError's, the same as the routes'.

export type ActionFailure = { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** Maps whatever a server action caught to an ActionFailure; `where` names the action in the log. */
export function actionFailure(err: unknown, where = "server action"): ActionFailure {
  if (err instanceof ZodError) {
    // A form shows each message beside its field; the summary only points there.
    return { ok: false, code: "unprocessable", message: "Please correct the highlighted fields", fieldErrors: fieldErrorsOf(err) };
  }
  const e = toAppError(err, where);
  // readForm's refusals name their field (lib/http/form-input.ts): show it there.
  const field = typeof e.details?.field === "string" ? e.details.field : null;
  return { ok: false, code: e.code, message: e.message, ...(field ? { fieldErrors: { [field]: e.message } } : {}) };
}

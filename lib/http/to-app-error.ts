import { ZodError } from "zod";
import { knownDbError } from "@/lib/db/errors";
import { GiteaError } from "@/lib/gitea/errors";
import { AppError } from "./errors";

// The one error policy (STYLE.md "Errors"): whatever a route handler, a
// server action or an SSE stream caught becomes an AppError here, and only
// here. Expected failures keep their words; the unexpected are logged with
// their stack and answered in words that leak nothing.

export const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again; if it keeps happening, tell an admin.";

/** `where` names the route, action or stream in the log line of an unexpected error. */
export function toAppError(err: unknown, where = "request"): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return fromZod(err);
  if (err instanceof GiteaError) return fromGitea(err, where);
  const known = knownDbError(err);
  if (known) {
    // P2002: a unique constraint (two people creating one thing at once); P2025: the row is gone.
    if (known.code === "P2002") return new AppError("conflict", "That already exists; reload to see it.");
    if (known.code === "P2025") return new AppError("not_found", "It is no longer there; reload to see the current state.");
  }
  console.error(`[quorum] unexpected error in ${where}:`, err instanceof Error ? (err.stack ?? err.message) : err);
  return new AppError("internal", INTERNAL_MESSAGE);
}

function fromZod(err: ZodError): AppError {
  const first = err.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  return new AppError("unprocessable", `${where}${first?.message ?? "invalid input"}`, {
    issues: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  });
}

function fromGitea(err: GiteaError, where: string): AppError {
  // Gitea's 404/409/422 on a user's request are the user's to fix, in Gitea's words (FACTS.md §7).
  if (err.status === 404) return new AppError("not_found", err.message);
  if (err.status === 409) return new AppError("conflict", err.message);
  if (err.status === 422) return new AppError("unprocessable", err.message);
  // Anything else is Gitea's (or the bot token's) trouble, not the user's: logged for the admin.
  console.warn(`[quorum] Gitea failed in ${where} (${err.operation}, HTTP ${err.status}): ${err.message}`);
  return new AppError("upstream", err.status === 0 ? "Gitea could not be reached. Please try again in a moment." : `Gitea could not do it: ${err.message}`);
}

/** Per-field messages of a ZodError, for forms (`path` → first message). */
export function fieldErrorsOf(err: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

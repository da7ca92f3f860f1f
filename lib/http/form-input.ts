import { AppError } from "./errors";
import { assertEncodable } from "./route";

/**
 * A server action's form as an object of strings — the one way actions read
 * their input (docs/ARCHITECTURE.md). An argument that is not a form (a
 * crafted action call) is a 400, and so is text that cannot be stored
 * (lib/text/encodable.ts), named by its field. Files and Next's own
 * `$ACTION_…` fields are left out.
 */
export function readForm(form: unknown): Record<string, string> {
  if (!(form instanceof FormData)) throw new AppError("bad_request", "Expected a form");
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    out[key] = value;
  }
  assertEncodable(out);
  return out;
}

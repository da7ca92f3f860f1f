import type { z } from "zod";
import { fieldErrorsOf } from "./to-app-error";
import { AppError } from "./errors";

/**
 * Parses a form's fields; a bad or missing field is a 400 that names it
 * (`{ field, fieldErrors }` in the details) so the form shows the message
 * beside what the person typed and keeps their text.
 */
export function parseFields<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors = fieldErrorsOf(result.error);
  const [field, message] = Object.entries(fieldErrors)[0] ?? ["form", "invalid input"];
  throw new AppError("bad_request", `${field}: ${message}`, { field, fieldErrors });
}

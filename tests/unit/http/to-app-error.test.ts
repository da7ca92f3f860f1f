import { Prisma } from "@prisma/client";
import { z } from "zod";
import { GiteaError } from "@/lib/gitea/errors";
import { actionFailure } from "@/lib/http/action-result";
import { AppError } from "@/lib/http/errors";
import { toErrorResponse } from "@/lib/http/response";
import { formatSse, sseResponse } from "@/lib/http/sse";
import { INTERNAL_MESSAGE, toAppError } from "@/lib/http/to-app-error";

// One error policy for routes, server actions and SSE (STYLE.md "Errors").

const zodError = (() => {
  const r = z.object({ title: z.string().min(3, "Too short") }).safeParse({ title: "x" });
  if (r.success) throw new Error("expected a ZodError");
  return r.error;
})();
const prisma = (code: string) => new Prisma.PrismaClientKnownRequestError("db said no", { code, clientVersion: "test" });

let errorLog: jest.SpyInstance;
let warnLog: jest.SpyInstance;
beforeEach(() => {
  errorLog = jest.spyOn(console, "error").mockImplementation(() => undefined);
  warnLog = jest.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

test.each([
  { name: "an AppError keeps its code", err: new AppError("forbidden", "No."), code: "forbidden", status: 403, message: "No." },
  { name: "a ZodError is 422 naming the field", err: zodError, code: "unprocessable", status: 422, message: "title: Too short" },
  { name: "Gitea 404", err: new GiteaError(404, "repo not found", "getRepo"), code: "not_found", status: 404, message: "repo not found" },
  { name: "Gitea 409", err: new GiteaError(409, "branch exists", "createBranch"), code: "conflict", status: 409, message: "branch exists" },
  { name: "Gitea 422", err: new GiteaError(422, "invalid name", "createBranch"), code: "unprocessable", status: 422, message: "invalid name" },
  { name: "Gitea 500", err: new GiteaError(500, "boom", "mergePull"), code: "upstream", status: 502, message: "Gitea could not do it: boom" },
  { name: "Gitea unreachable", err: new GiteaError(0, "Gitea is unreachable (ECONNREFUSED)", "getRepo"), code: "upstream", status: 502, message: "Gitea could not be reached. Please try again in a moment." },
  { name: "Prisma unique constraint", err: prisma("P2002"), code: "conflict", status: 409, message: "That already exists; reload to see it." },
  { name: "Prisma record gone", err: prisma("P2025"), code: "not_found", status: 404, message: "It is no longer there; reload to see the current state." },
  { name: "another Prisma error", err: prisma("P2003"), code: "internal", status: 500, message: INTERNAL_MESSAGE },
  { name: "anything else", err: new TypeError("x is undefined"), code: "internal", status: 500, message: INTERNAL_MESSAGE },
])("$name → $code ($status)", async ({ err, code, status, message }) => {
  const e = toAppError(err);
  expect({ code: e.code, status: e.status, message: e.message }).toEqual({ code, status, message });
  const res = toErrorResponse(err);
  expect(res.status).toBe(status);
  expect((await res.json()).error).toMatchObject({ code, message });
  // A server action answers the same code (a form's zod failure points at its fields instead).
  const failure = actionFailure(err);
  expect(failure.code).toBe(code);
  if (!(err instanceof z.ZodError)) expect(failure.message).toBe(message);
});

test("an unexpected error is logged once with its stack and where it happened; its message is never sent", async () => {
  const err = new Error("secret internals at /srv/app");
  const res = toErrorResponse(err, "POST /api/flags");
  const body = await res.json();
  expect(body.error.message).not.toContain("secret");
  expect(errorLog).toHaveBeenCalledTimes(1);
  const line = errorLog.mock.calls[0].join(" ");
  expect(line).toContain("POST /api/flags");
  expect(line).toContain(err.stack!.split("\n")[1].trim()); // the stack, not only the message
});

test("an upstream Gitea failure is logged for the admin; a user's 404 is not", () => {
  toAppError(new GiteaError(404, "nope", "getRepo"));
  expect(warnLog).not.toHaveBeenCalled();
  toAppError(new GiteaError(503, "maintenance", "getRepo"), "GET /api/rfcs/x");
  expect(warnLog.mock.calls[0].join(" ")).toMatch(/GET \/api\/rfcs\/x.*getRepo.*503/);
});

test("a zod failure of a form gives per-field messages", () => {
  expect(actionFailure(zodError)).toEqual({ ok: false, code: "unprocessable", message: "Please correct the highlighted fields", fieldErrors: { title: "Too short" } });
});

test("an SSE stream that throws sends an error event through the same policy", async () => {
  const expected = sseResponse(async () => {
    throw new AppError("conflict", "The branch moved");
  });
  expect(await expected.text()).toContain(formatSse("error", { code: "conflict", message: "The branch moved" }));
  const unexpected = sseResponse(
    async () => {
      throw new Error("db file locked at /srv");
    },
    { where: "thread events t1" },
  );
  const text = await unexpected.text();
  expect(text).toContain(formatSse("error", { code: "internal", message: INTERNAL_MESSAGE }));
  expect(text).not.toContain("/srv");
  expect(errorLog.mock.calls[0].join(" ")).toContain("thread events t1");
});

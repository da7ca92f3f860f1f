import { GET as aiStatus } from "@/app/api/ai/status/route";
import { POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { resetAiRateLimits } from "@/lib/ai/chat/rate-limit";
import { setLanguageModelOverride } from "@/lib/ai/providers";
import { db } from "@/lib/db/client";
import { setupFixture, SUPER, type Fixture, type Login } from "./fixture";
import { scriptedModel } from "./mock-model";
import { readSse } from "./sse";

// The chat route's guards (issue 6, §6, §18): who may ask, the per-user rate
// limit, a model the picker does not offer, and no provider at all — in which
// case the AI is off with a reason and human chat still works.


let fx: Fixture;
let thread: string;
let privateThread: string;
const AI = { AI_COMPAT_BASE_URL: "http://127.0.0.1:9/v1", AI_MODELS: "compat:test-model", AI_RATE_PER_MIN: "3" };
beforeAll(async () => {
  fx = await setupFixture(AI);
  await fx.cutBranch(SUPER, "tighten");
  await fx.cutBranch(SUPER, "secret", "erin", "private");
  thread = await fx.mainThreadId(SUPER, "tighten");
  privateThread = (await db().thread.create({ data: { rfcSlug: SUPER, branch: "secret", kind: "main", mainKey: `${SUPER}\nsecret`, title: "secret" } })).id;
  setLanguageModelOverride(() => scriptedModel(["OK."]));
});
afterAll(async () => {
  setLanguageModelOverride(null);
  await fx.close();
});

const post = (body: unknown, as: Login | null = "alice", threadId = thread) =>
  fx.call(postMessage as never, { as, method: "POST", params: { threadId }, body });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

it.each([
  { what: "a reader", as: null, threadId: () => thread, status: 401, code: "unauthorized" },
  { what: "someone else on a private branch", as: "alice", threadId: () => privateThread, status: 404, code: "not_found" },
  { what: "an empty body", as: "alice", body: { body: " ", askAi: true }, threadId: () => thread, status: 422, code: "unprocessable" },
  { what: "a model not offered", as: "alice", body: { body: "hi", askAi: true, model: "compat:gpt-99" }, threadId: () => thread, status: 400, code: "bad_request" },
] as const)("refuses $what with $status", async ({ as, threadId, status, code, ...rest }) => {
  const body = "body" in rest ? rest.body : { body: "@ai hello", askAi: true };
  const res = await post(body, as, threadId());
  expect(res.status).toBe(status);
  expect((await errorOf(res)).code).toBe(code);
});

it("limits AI requests per user (429 rate_limited) and saves nothing then", async () => {
  resetAiRateLimits();
  for (let i = 0; i < 3; i++) expect((await readSse(await post({ body: `@ai ${i}`, askAi: true }))).at(-1)!.event).toBe("done");
  const res = await post({ body: "@ai one too many", askAi: true });
  expect(res.status).toBe(429);
  expect(await errorOf(res)).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/3 times in the last minute/) });
  expect(await db().threadMessage.count({ where: { body: "@ai one too many" } })).toBe(0);
  // Someone else is not held up by alice's window.
  expect((await readSse(await post({ body: "@ai bob asks", askAi: true }, "bob"))).at(-1)!.event).toBe("done");
  resetAiRateLimits();
});

describe("with no provider configured", () => {
  beforeAll(() => {
    for (const k of Object.keys(AI)) delete process.env[k];
  });
  afterAll(() => Object.assign(process.env, AI));

  it.each([
    { who: "a reader", as: null },
    { who: "a contributor", as: "alice" },
  ] as const)("tells $who the AI is off and to ask an admin, without environment variables", async ({ as }) => {
    const status = (await (await fx.call(aiStatus as never, { as })).json()) as Record<string, unknown>;
    expect(status).toEqual({ enabled: false, models: [], defaultModelId: null, reason: expect.stringMatching(/Ask an admin/), setup: null });
    expect(JSON.stringify(status)).not.toMatch(/[A-Z]+_[A-Z_]+/);
  });

  it("tells an admin (carol owns the app) what to set", async () => {
    const status = (await (await fx.call(aiStatus as never, { as: "carol" })).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ enabled: false, reason: expect.stringMatching(/Ask an admin/), setup: expect.stringMatching(/AI_COMPAT_BASE_URL.*AI_MODELS/) });
  });

  it("keeps human chat working, @ai included, and refuses askAi with the reason", async () => {
    const res = await post({ body: "@ai are you there?" });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { message: { authorKind: string } }).message.authorKind).toBe("user");
    const asked = await post({ body: "please answer", askAi: true });
    expect(asked.status).toBe(422);
    expect((await errorOf(asked)).message).toBe("The AI participant is not set up on this server. Ask an admin to set it up.");
  });
});

it("lists the offered models for the picker", async () => {
  const status = (await (await aiStatus(new Request("http://x/api/ai/status"), { params: Promise.resolve({}) })).json()) as Record<string, unknown>;
  expect(status).toEqual({ enabled: true, reason: null, setup: null, models: [{ id: "compat:test-model", label: "test-model (compat)" }], defaultModelId: "compat:test-model" });
});

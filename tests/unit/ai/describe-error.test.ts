import { APICallError, RetryError } from "ai";
import { countWords, describeAiError, providerMessage } from "@/lib/ai/chat/describe-error";
import { failureNote } from "@/components/chat/format";

// §18 a failed reply says why in words: never "[object Object]", never the
// SDK's "Failed to process successful response".

const apiError = (statusCode: number | undefined, message: string, extra: Partial<ConstructorParameters<typeof APICallError>[0]> = {}) =>
  new APICallError({ message, url: "http://x/v1/chat/completions", requestBodyValues: {}, statusCode, ...extra });

describe("describeAiError", () => {
  // `received = 0`, a default: Jest would take an unfilled plain fourth parameter for the `done` callback.
  it.each([
    ["an HTTP error with the provider's message", apiError(500, "model exploded"), "The AI provider reported: model exploded (HTTP 500)."],
    ["an HTTP error whose message ends with a full stop", apiError(429, "Rate limit reached."), "The AI provider reported: Rate limit reached (HTTP 429)."],
    ["the error event inside a stream (a plain object)", { message: "The server had an error while processing your request.", type: "server_error", code: null }, "The AI provider reported: The server had an error while processing your request."],
    ["a nested { error: { message } }", { error: { message: "overloaded" } }, "The AI provider reported: overloaded."],
    ["an object that says nothing", { code: 7 }, "The AI provider reported an error without saying what went wrong."],
    ["a body that broke off after some words", apiError(200, "Failed to process successful response", { cause: new TypeError("terminated") }), "The connection to the AI provider dropped after 312 words.", 312],
    ["a body that broke off at once", apiError(200, "Failed to process successful response"), "The connection to the AI provider dropped before it answered."],
    ["a refused connection", apiError(undefined, "Cannot connect to API: connect ECONNREFUSED 127.0.0.1:9", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }) }), "Could not reach the AI provider: connect ECONNREFUSED 127.0.0.1:9."],
    ["a thrown 'terminated'", new TypeError("terminated"), "The connection to the AI provider dropped after 1 word.", 1],
    ["an unreadable chunk", Object.assign(new Error("JSON parsing failed"), { name: "AI_JSONParseError" }), "The AI provider sent an answer Quorum could not read."],
    ["any other error", new Error("boom."), "The AI provider failed: boom."],
  ] as Array<[string, unknown, string, number?]>)("%s", (_what, err, expected, received = 0) => {
    expect(describeAiError(err, received)).toBe(expected);
  });

  it("reads the last error behind the SDK's retries", () => {
    const retry = new RetryError({ message: "Failed after 2 attempts", reason: "maxRetriesExceeded", errors: [apiError(500, "first"), apiError(503, "busy")] });
    expect(describeAiError(retry)).toBe("The AI provider reported: busy (HTTP 503).");
  });

  it("never answers [object Object]", () => {
    for (const value of [{}, { error: {} }, { message: {} }, [], null, undefined, 42]) expect(describeAiError(value)).not.toMatch(/object Object/);
    expect(providerMessage({ error: { error: { message: "deep" } } })).toBe("deep");
  });

  it("counts words of raw output", () => {
    expect(countWords("  one two\nthree  ")).toBe(3);
    expect(countWords("")).toBe(0);
  });
});

describe("failureNote", () => {
  it.each([
    [null, "The reply failed."],
    ["The AI did not finish within 45 s.", "The reply failed: The AI did not finish within 45 s."],
    ["no full stop", "The reply failed: no full stop."],
    ["Really?", "The reply failed: Really?"],
  ])("%j", (error, expected) => expect(failureNote(error)).toBe(expected));
});

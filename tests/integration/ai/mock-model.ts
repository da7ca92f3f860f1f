import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { simulateReadableStream } from "ai";
import { MockLanguageModelV3 } from "ai/test";

// The `ai` SDK's mock model (STACK.md) scripted for the chat route: text in
// chunks, then a normal finish, a provider error part, or a hang until the
// request is aborted.

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** `then`: waits for `gate`, then sends `rest` and finishes — a slow model a test can release. */
export type Ending = "finish" | { error: unknown } | "hang" | { gate: Promise<void>; rest: string[] };

export function scriptedModel(chunks: string[], ending: Ending = "finish"): MockLanguageModelV3 {
  const head: LanguageModelV3StreamPart[] = [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "t" },
    ...chunks.map((delta): LanguageModelV3StreamPart => ({ type: "text-delta", id: "t", delta })),
  ];
  return new MockLanguageModelV3({
    modelId: "mock-model",
    doStream: async ({ abortSignal }) => {
      if (ending === "hang") {
        // Sends what it has, then waits for the abort like a stalled provider.
        const stream = new ReadableStream<LanguageModelV3StreamPart>({
          start(controller) {
            for (const part of head) controller.enqueue(part);
            abortSignal?.addEventListener("abort", () => controller.error(abortSignal.reason), { once: true });
          },
        });
        return { stream };
      }
      if (typeof ending === "object" && "gate" in ending) {
        const { gate, rest } = ending;
        const stream = new ReadableStream<LanguageModelV3StreamPart>({
          async start(controller) {
            for (const part of head) controller.enqueue(part);
            abortSignal?.addEventListener("abort", () => controller.error(abortSignal.reason), { once: true });
            await gate;
            if (abortSignal?.aborted) return;
            for (const delta of rest) controller.enqueue({ type: "text-delta", id: "t", delta });
            controller.enqueue({ type: "text-end", id: "t" });
            controller.enqueue({ type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage });
            controller.close();
          },
        });
        return { stream };
      }
      const tail: LanguageModelV3StreamPart[] =
        ending === "finish"
          ? [{ type: "text-end", id: "t" }, { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage }]
          : [{ type: "error", error: ending.error }];
      return { stream: simulateReadableStream({ chunks: [...head, ...tail], chunkDelayInMs: 2 }) };
    },
  });
}

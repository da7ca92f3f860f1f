import { startOpenAiTestServer, type ChatCompletionRequest, type Script } from "../../helpers/openai-server";

// The AI for browser tests (issue 6): the OpenAI-compatible test server,
// answering by a rule instead of a script, since the app calls it from its
// own process. A message containing `replace "X" with "Y"` (optionally
// `because Z`) gets a short reply with one §18 change block, streamed in small
// chunks so the typing indicator shows; anything else gets a plain answer.

export const E2E_AI_MODEL = "compat:e2e-model";

function lastUserText(req: ChatCompletionRequest): string {
  const last = [...req.messages].reverse().find((m) => m.role === "user");
  return typeof last?.content === "string" ? last.content : JSON.stringify(last?.content ?? "");
}

export function fakeReply(req: ChatCompletionRequest): Script {
  const text = lastUserText(req);
  const m = /replace "([^"]+)" with "([^"]*)"(?: because ([^\n]+))?/i.exec(text);
  const reply = m
    ? `Here is a tighter wording.\n\n<change>\n<original>${m[1]}</original>\n<proposed>${m[2]}</proposed>\n<reason>${m[3]?.trim() || "Clearer wording."}</reason>\n</change>\n\nAccept it if it reads well.`
    : "I read the document; nothing to change from me.";
  return { kind: "reply", chunks: reply.match(/[\s\S]{1,12}/g)!.map((t) => ({ text: t, delayMs: 40 })) };
}

/** Starts the server and returns the app's AI environment (lib/ai/models.ts). */
export async function startFakeAi(): Promise<Record<string, string>> {
  const server = await startOpenAiTestServer({ script: fakeReply, unref: true });
  return { AI_COMPAT_BASE_URL: server.baseURL, AI_COMPAT_API_KEY: "e2e", AI_COMPAT_NAME: "e2e", AI_MODELS: E2E_AI_MODEL };
}

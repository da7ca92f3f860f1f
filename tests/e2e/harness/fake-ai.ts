import { startOpenAiTestServer, type ChatCompletionRequest, type Script } from "../../helpers/openai-server";

// The AI for browser tests (issue 6): the OpenAI-compatible test server,
// answering by a rule instead of a script, since the app calls it from its
// own process. A message containing `replace "X" with "Y"` (optionally
// `because Z`) gets a short reply with one §18 change block, streamed in small
// chunks so the typing indicator shows (several such asks joined by " and "
// get a block each); anything else gets a plain answer. A repair request
// (not streamed) is answered by repairReply.
// `answer slowly` gets a long reply at ~7 chunks a second (9 s).

export const E2E_AI_MODEL = "compat:e2e-model";

function lastUserText(req: ChatCompletionRequest): string {
  const last = [...req.messages].reverse().find((m) => m.role === "user");
  return typeof last?.content === "string" ? last.content : JSON.stringify(last?.content ?? "");
}

const changeBlock = (original: string, proposed: string, reason: string) =>
  `<change>\n<original>${original}</original>\n<proposed>${proposed}</proposed>\n<reason>${reason}</reason>\n</change>`;

/**
 * A repair request (issue 16, lib/ai/repair-prompt.ts): when it quotes the
 * document's source, the corrected block takes that source as its original;
 * with only the whole document to go on, the fake gives up, as a model may.
 */
function repairReply(text: string): string {
  const source = /<<<SOURCE 1\n([\s\S]*?)\nSOURCE 1>>>/.exec(text)?.[1];
  const proposed = /<proposed>\n([\s\S]*?)\n<\/proposed>/.exec(text)?.[1];
  const reason = /<reason>([\s\S]*?)<\/reason>/.exec(text)?.[1] ?? "Clearer wording.";
  return source !== undefined && proposed !== undefined ? changeBlock(source, proposed, reason) : "I cannot tell where that text is.";
}

export function fakeReply(req: ChatCompletionRequest): Script {
  const text = lastUserText(req);
  if (!req.stream) return { kind: "reply", chunks: [repairReply(text)] };
  // A long answer from a slow model (issue 14): Stop, a composer that stays usable, an asker who leaves.
  if (/answer slowly/i.test(text)) {
    const words = Array.from({ length: 60 }, (_, i) => `Point ${i + 1} of a long answer.`);
    return { kind: "reply", chunks: words.map((w) => ({ text: `${w} `, delayMs: 150 })) };
  }
  const asks = [...text.matchAll(/replace "([^"]+)" with "([^"]*)"(?: because ([^\n"]+?)(?= and replace|$))?/gim)];
  const reply = asks.length
    ? `Here is a tighter wording.\n\n${asks.map((m) => changeBlock(m[1], m[2], m[3]?.trim() || "Clearer wording.")).join("\n")}\n\nAccept it if it reads well.`
    : "I read the document; nothing to change from me.";
  return { kind: "reply", chunks: reply.match(/[\s\S]{1,12}/g)!.map((t) => ({ text: t, delayMs: 40 })) };
}

/** Starts the server and returns the app's AI environment (lib/ai/models.ts). */
export async function startFakeAi(): Promise<Record<string, string>> {
  const server = await startOpenAiTestServer({ script: fakeReply, unref: true });
  return { AI_COMPAT_BASE_URL: server.baseURL, AI_COMPAT_API_KEY: "e2e", AI_COMPAT_NAME: "e2e", AI_MODELS: E2E_AI_MODEL };
}

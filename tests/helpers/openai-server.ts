import http from "node:http";
import type { AddressInfo } from "node:net";

// A scripted OpenAI-compatible server (POST /v1/chat/completions, streamed as
// SSE or not) so the real @ai-sdk/openai(-compatible) code runs in tests.
// Each request asks `script` what to do: reply in chunks (with delays), fail
// with an HTTP status, drop the connection after some chunks, or hang.

export type ScriptChunk = string | { text: string; delayMs?: number };
export type Script =
  | { kind: "reply"; chunks: ScriptChunk[]; delayMs?: number; finishReason?: "stop" | "length" }
  | { kind: "http-error"; status: number; message?: string }
  /** Send the chunks, then destroy the socket: a provider dying mid-stream. */
  | { kind: "destroy"; chunks: ScriptChunk[]; delayMs?: number }
  /** Send the chunks (if any), then nothing, ever: for timeouts and aborts. */
  | { kind: "hang"; chunks?: ScriptChunk[] }
  /** Send the chunks, then an error event inside the 200 stream (`data: {"error": …}`), as OpenAI does mid-reply. */
  | { kind: "stream-error"; chunks: ScriptChunk[]; error: { message: string; type?: string; code?: string | null } }
  /** Send the chunks, then a line that is not a chat completion chunk at all. */
  | { kind: "garbage"; chunks: ScriptChunk[]; line: string };

export type ChatCompletionRequest = {
  model: string;
  messages: Array<{ role: string; content: unknown }>;
  stream?: boolean;
  [key: string]: unknown;
};

export type RecordedRequest = {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: ChatCompletionRequest;
  /** Set when the client went away before the response was complete. */
  aborted: boolean;
};

export type OpenAiTestServer = { baseURL: string; requests: RecordedRequest[]; close(): Promise<void> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (c: ScriptChunk) => (typeof c === "string" ? c : c.text);

function chunk(model: string, delta: Record<string, string>, finishReason: string | null = null) {
  return { id: "chatcmpl-test", object: "chat.completion.chunk", created: 1700000000, model, choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let body = "";
  for await (const part of req) body += String(part);
  return body;
}

async function stream(res: http.ServerResponse, record: RecordedRequest, script: Exclude<Script, { kind: "http-error" }>) {
  const model = record.body.model;
  const send = (data: unknown) => res.write(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  send(chunk(model, { role: "assistant", content: "" }));
  for (const c of script.chunks ?? []) {
    const delay = typeof c === "string" ? ("delayMs" in script ? script.delayMs : 0) : c.delayMs;
    if (delay) await sleep(delay);
    if (record.aborted) return;
    send(chunk(model, { content: text(c) }));
  }
  if (script.kind === "destroy") {
    await sleep(20); // let the chunks reach the client before the connection drops
    return void res.socket?.destroy();
  }
  if (script.kind === "hang") return; // close() ends it
  if (script.kind === "stream-error" || script.kind === "garbage") {
    send(script.kind === "garbage" ? script.line : { error: { type: "server_error", code: null, ...script.error } });
    send("[DONE]");
    return void res.end();
  }
  send(chunk(model, {}, script.kind === "reply" ? (script.finishReason ?? "stop") : "stop"));
  send({ id: "chatcmpl-test", object: "chat.completion.chunk", created: 1700000000, model, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } });
  send("[DONE]");
  res.end();
}

function complete(res: http.ServerResponse, record: RecordedRequest, script: Script) {
  if (script.kind === "destroy") return void res.socket?.destroy();
  if (script.kind === "stream-error" || script.kind === "garbage") {
    res.writeHead(200, { "content-type": "application/json" });
    return void res.end(script.kind === "garbage" ? script.line : JSON.stringify({ error: { type: "server_error", code: null, ...script.error } }));
  }
  if (script.kind !== "reply") return; // hang
  const content = script.chunks.map(text).join("");
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 1700000000,
      model: record.body.model,
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: script.finishReason ?? "stop" }],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    }),
  );
}

export async function startOpenAiTestServer(options: {
  script: (request: ChatCompletionRequest, index: number) => Script | Promise<Script>;
  /** Do not keep the process alive for this server (the e2e global setup, which has no teardown hook for it). */
  unref?: boolean;
}): Promise<OpenAiTestServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "POST" || path !== "/v1/chat/completions") {
      res.writeHead(404, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ error: { message: `No route ${req.method} ${path}`, type: "invalid_request_error" } }));
    }
    const record: RecordedRequest = { path, headers: req.headers, body: JSON.parse(await readBody(req)), aborted: false };
    requests.push(record);
    res.on("close", () => {
      if (!res.writableFinished) record.aborted = true;
    });
    const script = await options.script(record.body, requests.length - 1);
    if (script.kind === "http-error") {
      res.writeHead(script.status, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ error: { message: script.message ?? "scripted failure", type: "server_error", code: null } }));
    }
    if (record.body.stream) await stream(res, record, script);
    else complete(res, record, script);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  if (options.unref) server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // hanging responses included
        server.close(() => resolve());
      }),
  };
}

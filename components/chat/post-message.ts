import { api, errorOf, paths, request } from "@/lib/client/api";
import type { Message } from "@/lib/contracts";
import { type EventSourceMessage, EventSourceParserStream } from "eventsource-parser/stream";

// POST /api/threads/{id}/messages (§8.4). A plain post answers 201 JSON; with
// askAi (or "@ai") the answer is an SSE stream of the AI reply (message,
// delta, change, done, error — docs/API.md), applied to the list as it comes.
// The post resolves as soon as the question is saved, so the composer is
// free while the reply streams (issue 14); the reply goes on being read here
// and, for everyone else, arrives on the thread's live stream.

export type StreamHandlers = {
  add: (m: Partial<Message> & { id: string }) => void;
  appendText: (id: string, text: string) => void;
  onChange: () => void;
};

type Input = { body: string; askAi?: boolean; model?: string | null };

const parse = (s: string): Record<string, unknown> | null => {
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === "object" ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/** Posts a message; resolves to an error message to show, or null, once it is saved. */
export async function postMessage(threadId: string, input: Input, h: StreamHandlers): Promise<string | null> {
  const url = `${paths.thread(threadId)}/messages`;
  const json = { body: input.body, ...(input.askAi ? { askAi: true } : {}), ...(input.model ? { model: input.model } : {}) };
  const res = await request(url, { method: "POST", json, headers: { Accept: "text/event-stream, application/json" } });
  if (!(res instanceof Response)) return `${res.message} Your message is still in the box.`;
  if (!res.ok) return (await errorOf(res)).message;
  if (!(res.headers.get("content-type") ?? "").includes("text/event-stream")) {
    const body = (await res.json().catch(() => null)) as { message?: Message } | null;
    if (body?.message) h.add(body.message);
    return null;
  }
  let saved!: (failure: string | null) => void;
  const outcome = new Promise<string | null>((resolve) => (saved = resolve));
  let lastAi: string | null = null;
  const handle = (e: EventSourceMessage) => {
    const d = parse(e.data);
    if (!d) return;
    const event = e.event ?? "message";
    const msg = (d.message ?? d) as Partial<Message> & { id?: string };
    if ((event === "message" || event === "done") && typeof msg.id === "string") {
      h.add(msg as Partial<Message> & { id: string });
      if (msg.authorKind === "ai") lastAi = msg.id;
      saved(null); // the question is stored: the composer is free
    } else if (event === "delta") {
      const id = (d.messageId ?? d.id ?? lastAi) as string | null;
      const text = (d.text ?? d.delta ?? "") as string;
      if (id && text) h.appendText(id, text);
    } else if (event === "change") h.onChange();
    // Once the message is saved, an AI failure shows on the AI's own bubble (status failed, §18);
    // keeping the text in the box as well would invite posting it twice.
    else if (event === "error" && !lastAi) saved((d.message as string) ?? "The AI reply failed");
  };
  // EventSource only does GET, so the POST's stream is parsed by eventsource-parser.
  const reader = res.body?.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  void (async () => {
    try {
      for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) handle(next.value);
    } catch {
      // The connection dropped: the reply goes on on the server and arrives on the thread's live stream.
    }
    saved(lastAi ? null : "The connection closed before your message was saved. Check the conversation, then try again.");
  })();
  return outcome;
}

/** Asks the server to stop an AI reply (its asker or the RFC's owners); resolves to an error to show, or null. */
export async function stopReply(threadId: string, messageId: string): Promise<string | null> {
  const r = await api(`${paths.thread(threadId)}/messages/${encodeURIComponent(messageId)}/stop`, { method: "POST", json: {} });
  return r.ok ? null : r.message;
}

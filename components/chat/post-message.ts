import { paths } from "@/components/rfc/api";
import type { Message } from "@/lib/contracts";
import { createSseParser } from "@/lib/rfc-view/sse-parse";

// POST /api/threads/{id}/messages (§8.4). A plain post answers 201 JSON; with
// askAi (or "@ai") the answer is an SSE stream of the AI reply (message,
// delta, change, done, error — docs/API.md), applied to the list as it comes.

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

/** Posts a message; resolves to an error message to show, or null. */
export async function postMessage(threadId: string, input: Input, h: StreamHandlers): Promise<string | null> {
  const url = `${paths.thread(threadId)}/messages`;
  const json = { body: input.body, ...(input.askAi ? { askAi: true } : {}), ...(input.model ? { model: input.model } : {}) };
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", Accept: "text/event-stream, application/json" }, body: JSON.stringify(json) });
  } catch {
    return "Quorum could not be reached. Your message is still in the box; try again.";
  }
  if (!(res.headers.get("content-type") ?? "").includes("text/event-stream")) {
    const body = (await res.json().catch(() => null)) as { message?: Message; error?: { message?: string } } | null;
    if (!res.ok) return body?.error?.message ?? `The server answered ${res.status}`;
    if (body?.message) h.add(body.message);
    return null;
  }
  let failure: string | null = null;
  let lastAi: string | null = null;
  const parser = createSseParser((e) => {
    const d = parse(e.data);
    if (!d) return;
    const msg = (d.message ?? d) as Partial<Message> & { id?: string };
    if ((e.event === "message" || e.event === "done") && typeof msg.id === "string") {
      h.add(msg as Partial<Message> & { id: string });
      if (msg.authorKind === "ai") lastAi = msg.id;
    } else if (e.event === "delta") {
      const id = (d.messageId ?? d.id ?? lastAi) as string | null;
      const text = (d.text ?? d.delta ?? "") as string;
      if (id && text) h.appendText(id, text);
    } else if (e.event === "change") h.onChange();
    // Once the message is saved, an AI failure shows on the AI's own bubble (status failed, §18);
    // keeping the text in the box as well would invite posting it twice.
    else if (e.event === "error" && !lastAi) failure = (d.message as string) ?? "The AI reply failed";
  });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
  }
  parser.end();
  return failure;
}

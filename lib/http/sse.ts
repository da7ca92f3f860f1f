import { inBackground, onSettle } from "@/lib/background";
import { toAppError } from "./to-app-error";

// One helper for Server-Sent Events (STYLE.md "Webhooks and streams"):
// formats events, sends a heartbeat, and stops work when the client goes away.

export type SseSend = (event: string, data: unknown, id?: string) => void;

export type SseOptions = {
  signal?: AbortSignal;
  heartbeatMs?: number;
  /** Names the stream in the log line of an unexpected error. */
  where?: string;
};

// Streams open now: a shutdown (or a test file's teardown) closes them, so
// their producers stop watching and clients reconnect elsewhere.
const g = globalThis as unknown as { quorumSseStreams?: Set<AbortController> };
const open = (g.quorumSseStreams ??= new Set());
onSettle(() => {
  for (const s of open) s.abort();
  return open.size > 0;
});

export function formatSse(event: string, data: unknown, id?: string): string {
  const payload = JSON.stringify(data);
  return `${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${payload}\n\n`;
}

/**
 * Runs `produce` with a `send` function and returns a streaming Response.
 * The stream closes when `produce` resolves, when it throws (after an
 * `error` event), or when the request's signal aborts.
 */
export function sseResponse(
  produce: (send: SseSend, signal: AbortSignal) => Promise<void>,
  { signal, heartbeatMs = 15_000, where = "SSE stream" }: SseOptions = {},
): Response {
  const encoder = new TextEncoder();
  const local = new AbortController();
  const abort = () => local.abort();
  signal?.addEventListener("abort", abort, { once: true });
  open.add(local);

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          closed = true;
        }
      };
      const send: SseSend = (event, data, id) => write(formatSse(event, data, id));
      // A first byte at once, before any work: the client knows the stream is open (issue 15 item 5).
      write(": open\n\n");
      const beat = setInterval(() => write(": heartbeat\n\n"), heartbeatMs);
      try {
        await inBackground(where, produce(send, local.signal));
      } catch (err) {
        // The one error policy: an expected failure in its words, the unexpected logged and answered generically.
        if (!local.signal.aborted) {
          const e = toAppError(err, where);
          send("error", { code: e.code, message: e.message });
        }
      } finally {
        clearInterval(beat);
        signal?.removeEventListener("abort", abort);
        open.delete(local);
        closed = true;
        try {
          controller.close();
        } catch {
          /* already closed by a cancel */
        }
      }
    },
    cancel() {
      local.abort();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}

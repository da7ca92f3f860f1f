// Reads the SSE answer of POST …/messages (§18) in tests: events as they
// arrive, or all of them once the stream ends.

export type SseEvent = { event: string; data: Record<string, unknown>; id?: string };

function* drain(state: { buffer: string }): Generator<SseEvent> {
  let cut: number;
  while ((cut = state.buffer.indexOf("\n\n")) >= 0) {
    const block = state.buffer.slice(0, cut);
    state.buffer = state.buffer.slice(cut + 2);
    const event = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    const id = /^id: (.*)$/m.exec(block)?.[1];
    if (event && data) yield { event, data: JSON.parse(data) as Record<string, unknown>, ...(id ? { id } : {}) };
  }
}

export async function* sseEvents(res: Response): AsyncGenerator<SseEvent> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const state = { buffer: "" };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      state.buffer += decoder.decode(value, { stream: true });
      yield* drain(state);
    }
  } finally {
    await reader.cancel().catch(() => undefined); // a test that stops early is a client going away
  }
}

export async function readSse(res: Response): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const e of sseEvents(res)) events.push(e);
  return events;
}

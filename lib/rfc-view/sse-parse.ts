// Reads a text/event-stream body chunk by chunk (the AI reply of POST
// …/messages with askAi streams back this way, §8.4, §18). EventSource only
// does GET, so the POST's answer is parsed here. Events end at a blank line;
// a chunk may end anywhere, even inside a line or between \r and \n.

export type SseEvent = { event: string; data: string; id?: string };

export function createSseParser(onEvent: (e: SseEvent) => void) {
  let buffer = "";
  let data: string[] = [];
  let event = "";
  let id: string | undefined;

  const dispatch = () => {
    if (data.length) onEvent({ event: event || "message", data: data.join("\n"), ...(id !== undefined ? { id } : {}) });
    data = [];
    event = "";
  };

  const line = (l: string) => {
    if (l === "") return dispatch();
    if (l.startsWith(":")) return; // comment / heartbeat
    const colon = l.indexOf(":");
    const field = colon < 0 ? l : l.slice(0, colon);
    let value = colon < 0 ? "" : l.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
    else if (field === "id") id = value;
  };

  return {
    push(chunk: string) {
      buffer += chunk;
      // Keep a trailing "\r" back: its "\n" may come with the next chunk.
      const cut = buffer.endsWith("\r") ? buffer.length - 1 : buffer.length;
      const lines = buffer.slice(0, cut).split(/\r\n|\r|\n/);
      const rest = lines.pop() ?? "";
      buffer = rest + buffer.slice(cut);
      for (const l of lines) line(l);
    },
    end() {
      if (buffer) line(buffer);
      buffer = "";
      dispatch();
    },
  };
}

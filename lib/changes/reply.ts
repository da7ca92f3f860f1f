import type { ChangeEvent, MalformedEvent, ParseEvent } from "./events";

// Folding parser events into what a message row stores and the UI renders.
// The card position is carried by order (`parts`), not by a token inside the
// prose, so no text a person or the model writes can be mistaken for a card.

export type ReplyPart = { kind: "text"; text: string } | { kind: "change"; index: number } | { kind: "malformed"; index: number };

export type CollectedReply = {
  /** The prose without any protocol tags (search, previews, notifications). */
  text: string;
  /** Prose and card positions in reply order, adjacent prose merged. */
  parts: ReplyPart[];
  changes: ChangeEvent[];
  malformed: MalformedEvent[];
};

/** Adjacent `text` events joined: the form in which two parses compare equal. */
export function mergeTextEvents(events: readonly ParseEvent[]): ParseEvent[] {
  const merged: ParseEvent[] = [];
  for (const event of events) {
    const last = merged[merged.length - 1];
    if (event.type === "text" && last?.type === "text") merged[merged.length - 1] = { type: "text", text: last.text + event.text };
    else if (event.type !== "text" || event.text !== "") merged.push({ ...event });
  }
  return merged;
}

export function collectReply(events: readonly ParseEvent[]): CollectedReply {
  const reply: CollectedReply = { text: "", parts: [], changes: [], malformed: [] };
  for (const event of mergeTextEvents(events)) {
    if (event.type === "text") {
      reply.text += event.text;
      reply.parts.push({ kind: "text", text: event.text });
    } else if (event.type === "change") {
      reply.changes.push(event);
      reply.parts.push({ kind: "change", index: event.index });
    } else {
      reply.malformed.push(event);
      reply.parts.push({ kind: "malformed", index: event.index });
    }
  }
  return reply;
}

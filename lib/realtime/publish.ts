import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { liveBus } from "./live-bus";
import { appendEvents, type LiveEventInput } from "./log";

// Publishing on a live stream (issue 14): an event is logged in the same
// transaction as the write it announces — so it exists exactly when the
// write does — and goes out on the bus once that transaction has committed.

export type { LiveEventInput };
export type Emit = (event: LiveEventInput) => void;

/**
 * Runs `write` in one transaction; every event it `emit`s is numbered and
 * logged in that transaction and published after the commit. Keep `write`
 * to database work: the transaction holds SQLite's write lock meanwhile.
 */
export async function liveWrite<T>(write: (tx: Prisma.TransactionClient, emit: Emit) => Promise<T>): Promise<T> {
  const events: LiveEventInput[] = [];
  const { result, logged } = await db().$transaction(async (tx) => {
    const result = await write(tx, (e) => void events.push(e));
    return { result, logged: events.length ? await appendEvents(tx, events) : [] };
  });
  for (const e of logged) liveBus.publish(e.topic, { seq: e.seq, type: e.type, data: e.data });
  return result;
}

/** Logs and publishes events that accompany no write of their own. */
export async function publishLive(...events: LiveEventInput[]): Promise<void> {
  if (events.length) await liveWrite(async (_tx, emit) => events.forEach(emit));
}

/**
 * An event only open streams need, never logged: the text of an AI reply as
 * it streams, which the reply's logged `message_updated` at its end carries
 * in full (a client that missed these loses nothing it keeps).
 */
export function publishEphemeral(event: LiveEventInput): void {
  liveBus.publish(event.topic, { seq: null, type: event.type, data: event.data });
}

import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";

// The durable half of the live streams (issue 14): each topic numbers its
// events 1, 2, 3… in the database, in the transaction of the write they
// announce, and keeps them a while (KEEP_MS) so a client that was away asks
// for everything after the last number it has. Numbers never repeat: the
// counter lives in LiveTopic, not in a process, so a restart or a second
// server process continues it. Commits are serialised by SQLite, so numbers
// are in commit order.

export type LiveEventInput = { topic: string; type: string; data: unknown };
export type LoggedEvent = { topic: string; seq: number; type: string; data: unknown };
type Tx = Prisma.TransactionClient;

/** How long events are kept for clients to resume from; older cursors reload instead. */
export const KEEP_MS = 24 * 60 * 60 * 1000;

/** Numbers and stores `events` inside the caller's transaction. */
export async function appendEvents(tx: Tx, events: LiveEventInput[]): Promise<LoggedEvent[]> {
  const byTopic = new Map<string, LiveEventInput[]>();
  for (const e of events) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e]);
  const logged: LoggedEvent[] = [];
  for (const [topic, list] of byTopic) {
    const row = await tx.liveTopic.upsert({ where: { topic }, create: { topic, seq: list.length }, update: { seq: { increment: list.length } } });
    const first = row.seq - list.length + 1;
    const numbered = list.map((e, i) => ({ topic, seq: first + i, type: e.type, data: e.data }));
    await tx.liveEvent.createMany({ data: numbered.map((e) => ({ topic, seq: e.seq, type: e.type, data: JSON.stringify(e.data) })) });
    logged.push(...numbered);
  }
  return logged;
}

/** The topic's last number and the floor below which its events are gone. */
export async function topicHead(topic: string): Promise<{ seq: number; floor: number }> {
  const row = await db().liveTopic.findUnique({ where: { topic } });
  return { seq: row?.seq ?? 0, floor: row?.floor ?? 0 };
}

/** The current number of each topic, for an answer that a client follows from (`liveSeq`). */
export async function topicSeq(topic: string): Promise<number> {
  return (await topicHead(topic)).seq;
}

/** The events of `topic` after `after`, up to `through` when given, in order. */
export async function eventsAfter(topic: string, after: number, through?: number): Promise<LoggedEvent[]> {
  const rows = await db().liveEvent.findMany({
    where: { topic, seq: through === undefined ? { gt: after } : { gt: after, lte: through } },
    orderBy: { seq: "asc" },
  });
  return rows.map((r) => ({ topic, seq: r.seq, type: r.type, data: JSON.parse(r.data) as unknown }));
}

/** Drops events older than `keepMs`, raising each topic's floor to the newest one dropped. */
export async function pruneLiveEvents(keepMs = KEEP_MS, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - keepMs);
  const old = await db().liveEvent.groupBy({ by: ["topic"], where: { createdAt: { lt: cutoff } }, _max: { seq: true } });
  let dropped = 0;
  for (const t of old) {
    const floor = t._max.seq ?? 0;
    const [res] = await db().$transaction([
      db().liveEvent.deleteMany({ where: { topic: t.topic, seq: { lte: floor } } }),
      db().liveTopic.updateMany({ where: { topic: t.topic, floor: { lt: floor } }, data: { floor } }),
    ]);
    dropped += res.count;
  }
  return dropped;
}

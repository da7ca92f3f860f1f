import "server-only";
import { liveBus, type LiveMessage } from "./live-bus";
import { eventsAfter, topicHead } from "./log";

// One client's subscription to some topics (issue 14 "nothing missed"):
// subscribe to the bus first, then send what the log holds after the
// client's cursor, then the live events — each numbered event exactly once
// and in order. A live event that skips numbers (published by another
// process, or overtaken by another) is preceded by the missing ones read
// from the log. A cursor the log can no longer serve (pruned, or from a
// database that was since replaced) gets a `reset`: the client reloads that
// topic and follows from the number given.

export type Cursor = { topic: string; since: number };

export type FollowSink = {
  /** A numbered event (`seq`) or an ephemeral one (`seq` null) of the topic at `index`. */
  event(index: number, type: string, data: unknown, seq: number | null): void;
  /** The client must reload the topic at `index` and follow from `seq`. */
  reset(index: number, seq: number): void;
  /** Every topic has caught up with its log: from here on events are live. */
  ready(): void;
};

type TopicState = { last: number; caughtUp: boolean; early: LiveMessage[]; queue: Promise<void> };

export async function followTopics(cursors: Cursor[], sink: FollowSink, signal: AbortSignal): Promise<void> {
  const states: TopicState[] = cursors.map((c) => ({ last: c.since, caughtUp: false, early: [], queue: Promise.resolve() }));

  const deliver = async (i: number, m: LiveMessage) => {
    const s = states[i];
    if (m.seq === null) return sink.event(i, m.type, m.data, null);
    if (m.seq <= s.last) return; // already sent (from the log, or twice on the bus)
    if (m.seq > s.last + 1) {
      for (const e of await eventsAfter(cursors[i].topic, s.last, m.seq - 1)) {
        if (signal.aborted) return;
        sink.event(i, e.type, e.data, e.seq);
        s.last = e.seq;
      }
    }
    sink.event(i, m.type, m.data, m.seq);
    s.last = m.seq;
  };
  // One topic's deliveries run one after another, so a gap read from the log never lets a later event pass.
  const enqueue = (i: number, m: LiveMessage) => {
    const s = states[i];
    s.queue = s.queue.then(() => (signal.aborted ? undefined : deliver(i, m))).catch((err) => console.error(`[quorum] live ${cursors[i].topic}:`, err));
  };

  const unsubscribe = cursors.map((c, i) =>
    liveBus.subscribe(c.topic, (m) => {
      if (states[i].caughtUp) enqueue(i, m);
      else states[i].early.push(m);
    }),
  );
  try {
    await Promise.all(
      cursors.map(async (c, i) => {
        const s = states[i];
        const head = await topicHead(c.topic);
        if (c.since < head.floor || c.since > head.seq) {
          sink.reset(i, head.seq);
          s.last = head.seq;
        } else {
          for (const e of await eventsAfter(c.topic, c.since)) {
            sink.event(i, e.type, e.data, e.seq);
            s.last = e.seq;
          }
        }
        s.caughtUp = true;
        for (const m of s.early.splice(0)) enqueue(i, m);
      }),
    );
    if (!signal.aborted) sink.ready();
    await new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      signal.addEventListener("abort", () => resolve(), { once: true });
    });
  } finally {
    for (const off of unsubscribe) off();
  }
}

import { LiveHub } from "@/lib/client/live";

// The browser's one live connection (issue 14): one EventSource for every
// topic, opened from the lowest cursor of each topic's subscribers; each
// subscriber gets each numbered event after its own cursor exactly once; a
// new topic reconnects from the cursors, and `reset` asks a reload.

type Listener = (e: MessageEvent<string>) => void;
class FakeEventSource {
  static CLOSED = 2;
  static all: FakeEventSource[] = [];
  readyState = 1;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, Listener[]>();
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(type: string, l: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), l]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, payload: unknown) {
    for (const l of this.listeners.get(type) ?? []) l({ type, data: JSON.stringify(payload) } as MessageEvent<string>);
  }
  get query() {
    const u = new URL(this.url, "http://x");
    return { topics: u.searchParams.get("topics"), since: u.searchParams.get("since") };
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const latest = () => FakeEventSource.all[FakeEventSource.all.length - 1];

beforeAll(() => {
  (globalThis as unknown as { EventSource: unknown }).EventSource = FakeEventSource;
});
beforeEach(() => {
  FakeEventSource.all = [];
});

it("opens one connection for every topic, from each topic's lowest cursor, and deals each event once to whoever is behind it", async () => {
  const hub = new LiveHub("/api/live");
  const a: number[] = [];
  const b: number[] = [];
  const bell: string[] = [];
  hub.subscribe("thread:t1", 5, { event: (_t, _d, seq) => seq !== null && a.push(seq), reset: () => {} });
  hub.subscribe("thread:t1", 7, { event: (_t, _d, seq) => seq !== null && b.push(seq), reset: () => {} });
  hub.subscribe("me", 2, { event: (type) => bell.push(type), reset: () => {} });
  await flush();
  expect(FakeEventSource.all).toHaveLength(1); // components that mount together share one connection
  expect(latest().query).toEqual({ topics: "me,thread:t1", since: "2.5" });
  for (const seq of [6, 7, 8]) latest().emit("message", { topic: "thread:t1", seq, data: {} });
  latest().emit("message", { topic: "thread:t1", seq: 8, data: {} }); // twice: dealt once
  latest().emit("notification", { topic: "me", seq: 3, data: {} });
  expect(a).toEqual([6, 7, 8]);
  expect(b).toEqual([8]);
  expect(bell).toEqual(["notification"]);
  hub.close();
});

it("a new topic reconnects from where each topic is, and a reset asks the subscriber to reload", async () => {
  const hub = new LiveHub("/api/live");
  const resets: string[] = [];
  const seen: number[] = [];
  hub.subscribe("branch:s:b", 1, { event: (_t, _d, seq) => seq !== null && seen.push(seq), reset: () => resets.push("branch") });
  await flush();
  latest().emit("change", { topic: "branch:s:b", seq: 2, data: {} });
  hub.subscribe("flags:s", 0, { event: () => {}, reset: () => {} });
  await flush();
  expect(FakeEventSource.all).toHaveLength(2);
  expect(FakeEventSource.all[0].readyState).toBe(FakeEventSource.CLOSED);
  expect(latest().query).toEqual({ topics: "branch:s:b,flags:s", since: "2.0" });
  latest().emit("reset", { topic: "branch:s:b", seq: 40 });
  expect(resets).toEqual(["branch"]);
  latest().emit("change", { topic: "branch:s:b", seq: 40, data: {} }); // at the reset's number: already in the reload
  latest().emit("change", { topic: "branch:s:b", seq: 41, data: {} });
  expect(seen).toEqual([2, 41]);
  // Ephemeral events (an AI reply's growing text) carry no number and always pass.
  const texts: (number | null)[] = [];
  hub.subscribe("thread:x", 0, { event: (_t, _d, seq) => texts.push(seq), reset: () => {} });
  await flush();
  latest().emit("message_updated", { topic: "thread:x", seq: null, data: {} });
  expect(texts).toEqual([null]);
  hub.close();
});

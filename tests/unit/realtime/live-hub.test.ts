import { followVisibility, LiveHub } from "@/lib/client/live";

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

it("a new topic while the connection is up opens beside it: the old one delivers until the new one is ready, and the page stays live", async () => {
  const hub = new LiveHub("/api/live");
  const statuses: string[] = [];
  hub.onStatus((s) => statuses.push(s));
  const seen: (number | null)[] = [];
  hub.subscribe("rfc:a", 0, { event: (_t, _d, seq) => seen.push(seq), reset: () => {} });
  await flush();
  const first = latest();
  first.emit("ready", {});
  hub.subscribe("thread:t", 4, { event: () => {}, reset: () => {} });
  await flush();
  expect(FakeEventSource.all).toHaveLength(2);
  const second = latest();
  expect(second.query).toEqual({ topics: "rfc:a,thread:t", since: "0.4" });
  expect(first.readyState).not.toBe(FakeEventSource.CLOSED);
  first.emit("changed", { topic: "rfc:a", seq: null, data: {} }); // between the two: not lost
  first.emit("message", { topic: "rfc:a", seq: 3, data: {} });
  second.emit("message", { topic: "rfc:a", seq: 3, data: {} }); // the replay repeats it: dealt once
  second.emit("ready", {});
  expect(first.readyState).toBe(FakeEventSource.CLOSED);
  first.emit("changed", { topic: "rfc:a", seq: null, data: {} }); // a closed connection's late event
  expect(seen).toEqual([null, 3]);
  expect(statuses).toEqual(["live"]); // never "connecting" again for the new topic
  hub.close();
});

it("a replacement that is not ready in time takes over anyway, and one refused outright is retried", async () => {
  jest.useFakeTimers({ doNotFake: ["queueMicrotask"] });
  try {
    const hub = new LiveHub("/api/live", 5000);
    const statuses: string[] = [];
    hub.onStatus((s) => statuses.push(s));
    hub.subscribe("rfc:a", 0, { event: () => {}, reset: () => {} });
    await Promise.resolve();
    const first = latest();
    first.emit("ready", {});
    hub.subscribe("thread:t", 0, { event: () => {}, reset: () => {} });
    await Promise.resolve();
    const second = latest();
    // A browser out of connections for the host holds the new one back until one closes.
    jest.advanceTimersByTime(4999);
    expect(first.readyState).not.toBe(FakeEventSource.CLOSED);
    jest.advanceTimersByTime(1);
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    second.emit("ready", {});
    expect(statuses).toEqual(["live", "connecting", "live"]);

    hub.subscribe("flags:a", 0, { event: () => {}, reset: () => {} });
    await Promise.resolve();
    const third = latest();
    third.readyState = FakeEventSource.CLOSED; // refused (an HTTP error): the browser gives up on it
    third.onerror?.();
    expect(second.readyState).toBe(FakeEventSource.CLOSED);
    expect(statuses.at(-1)).toBe("offline");
    jest.advanceTimersByTime(1000);
    expect(latest()).not.toBe(third);
    expect(latest().query).toEqual({ topics: "flags:a,rfc:a,thread:t", since: "0.0.0" });
    hub.close();
  } finally {
    jest.useRealTimers();
  }
});

it("tells each subscriber when its topic is followed: once a connection carrying it is ready, and again after a drop", async () => {
  const hub = new LiveHub("/api/live");
  const ready: string[] = [];
  const sub = (topic: string, name: string) => hub.subscribe(topic, 0, { event: () => {}, reset: () => {}, ready: () => ready.push(name) });
  sub("rfc:a", "rfc");
  await flush();
  const first = latest();
  expect(ready).toEqual([]); // not before the connection is ready
  first.emit("ready", {});
  expect(ready).toEqual(["rfc"]);
  sub("thread:t", "thread");
  await flush();
  const second = latest();
  second.emit("ready", {});
  expect(ready).toEqual(["rfc", "thread"]); // the RFC was followed throughout the swap
  sub("rfc:a", "rfc, again"); // a topic the ready connection carries: followed at once
  await flush();
  expect(FakeEventSource.all).toHaveLength(2);
  expect(ready).toEqual(["rfc", "thread", "rfc, again"]);
  second.onerror?.(); // dropped; the browser reconnects it by itself
  second.emit("ready", {});
  expect(ready.slice(3).sort()).toEqual(["rfc", "rfc, again", "thread"]);
  hub.close();
});

it("a suspended hub lets go of its connection; resumed, it follows on from each subscriber's cursor, and each is ready again", async () => {
  const hub = new LiveHub("/api/live");
  const seen: number[] = [];
  const ready: string[] = [];
  hub.subscribe("thread:t", 3, { event: (_t, _d, seq) => seq !== null && seen.push(seq), reset: () => {}, ready: () => ready.push("thread") });
  await flush();
  const first = latest();
  first.emit("ready", {});
  first.emit("message", { topic: "thread:t", seq: 4, data: {} });
  expect(hub.status).toBe("live");

  hub.suspend();
  expect(first.readyState).toBe(FakeEventSource.CLOSED);
  expect(hub.status).toBe("connecting"); // nothing to show as "reconnecting" on a hidden page
  hub.subscribe("flags:s", 0, { event: () => {}, reset: () => {} }); // a component that mounts meanwhile
  await flush();
  expect(FakeEventSource.all).toHaveLength(1); // no connection while suspended

  hub.resume();
  await flush();
  expect(FakeEventSource.all).toHaveLength(2);
  const second = latest();
  expect(second.query).toEqual({ topics: "flags:s,thread:t", since: "0.4" }); // from where the thread's subscriber was
  second.emit("ready", {});
  expect(ready).toEqual(["thread", "thread"]);
  second.emit("message", { topic: "thread:t", seq: 4, data: {} }); // already dealt before the suspension
  second.emit("message", { topic: "thread:t", seq: 5, data: {} }); // posted while suspended, replayed by the server
  expect(seen).toEqual([4, 5]);
  expect(hub.status).toBe("live");
  hub.close();
});

it("follows the page's visibility: a hidden page lets go after a while, a glance away keeps the connection, a background page connects when shown", async () => {
  jest.useFakeTimers();
  try {
    const doc = Object.assign(new EventTarget(), { visibilityState: "hidden" as DocumentVisibilityState });
    const show = (state: DocumentVisibilityState) => {
      doc.visibilityState = state;
      doc.dispatchEvent(new Event("visibilitychange"));
    };
    const hub = new LiveHub("/api/live");
    const stop = followVisibility(hub, doc, 10_000);
    hub.subscribe("rfc:a", 0, { event: () => {}, reset: () => {} });
    await jest.advanceTimersByTimeAsync(0);
    expect(FakeEventSource.all).toHaveLength(0); // opened in the background: no connection yet
    show("visible");
    await jest.advanceTimersByTimeAsync(0);
    expect(FakeEventSource.all).toHaveLength(1);
    const conn = latest();
    conn.emit("ready", {});

    show("hidden");
    await jest.advanceTimersByTimeAsync(5_000);
    show("visible"); // back within the grace period
    await jest.advanceTimersByTimeAsync(20_000);
    expect(conn.readyState).not.toBe(FakeEventSource.CLOSED);
    expect(FakeEventSource.all).toHaveLength(1);

    show("hidden");
    await jest.advanceTimersByTimeAsync(10_000);
    expect(conn.readyState).toBe(FakeEventSource.CLOSED);
    show("visible");
    await jest.advanceTimersByTimeAsync(0);
    expect(FakeEventSource.all).toHaveLength(2);
    expect(latest().readyState).not.toBe(FakeEventSource.CLOSED);
    stop();
    hub.close();
  } finally {
    jest.useRealTimers();
  }
});

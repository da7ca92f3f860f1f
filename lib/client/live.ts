// The browser's one live connection (issue 14): every component that follows
// a topic — the chat, the change cards, the flags, the bell — subscribes
// here, and the hub keeps ONE EventSource on GET /api/live for all of them
// (browsers allow six HTTP/1.1 connections per host; one per stream would
// starve a second tab). Each subscriber has its own cursor, the `liveSeq`
// its data was read at; the connection resumes each topic from the lowest
// cursor on it, and every subscriber gets each numbered event after its own
// cursor exactly once. A reconnect — by the browser, or after the topic set
// changed — resumes from the cursors, so nothing is missed.

export type LiveHandlers = {
  /** A numbered event (`seq`), or an ephemeral one (`seq` null) that repeats state a later event carries. */
  event(type: string, data: unknown, seq: number | null): void;
  /** The server cannot replay from this subscriber's cursor: reload, then follow from the answer's liveSeq. */
  reset(): void;
  /** The topic may not be followed (the message says why). */
  denied?(message: string): void;
};

/** `active` once a connection resumes from at or before its cursor: until then it would get events out of order. */
type Listener = { seq: number; handlers: LiveHandlers; active: boolean };
export type LiveStatus = "connecting" | "live" | "offline";

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

export class LiveHub {
  private topics = new Map<string, Set<Listener>>();
  private source: EventSource | null = null;
  private opened: { topics: string[]; since: number[] } | null = null;
  private scheduled = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private statusListeners = new Set<(s: LiveStatus) => void>();
  status: LiveStatus = "connecting";

  constructor(private readonly url = "/api/live") {}

  /** Follows `topic` from `since`; returns the unsubscribe function. */
  subscribe(topic: string, since: number, handlers: LiveHandlers): () => void {
    const at = this.opened?.topics.indexOf(topic) ?? -1;
    // A new topic, or a cursor behind the connection's: the connection must ask again from there.
    const active = at >= 0 && since >= this.opened!.since[at];
    const listener: Listener = { seq: since, handlers, active };
    let set = this.topics.get(topic);
    if (!set) this.topics.set(topic, (set = new Set()));
    set.add(listener);
    if (!active) this.schedule();
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.topics.delete(topic);
        this.schedule();
      }
    };
  }

  /** Follows the connection's state (for a "reconnecting…" note). */
  onStatus(listener: (s: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  close(): void {
    this.source?.close();
    this.source = null;
    this.opened = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private setStatus(s: LiveStatus) {
    if (this.status === s) return;
    this.status = s;
    for (const l of this.statusListeners) l(s);
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    // Components mount together: one reconnect for all of them.
    queueMicrotask(() => {
      this.scheduled = false;
      this.connect();
    });
  }

  private cursorOf(topic: string): number {
    let min = Infinity;
    for (const l of this.topics.get(topic) ?? []) min = Math.min(min, l.seq);
    return Number.isFinite(min) ? min : 0;
  }

  private connect() {
    this.source?.close();
    this.source = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const topics = [...this.topics.keys()].sort();
    if (!topics.length) {
      this.opened = null;
      return;
    }
    const since = topics.map((t) => this.cursorOf(t));
    this.opened = { topics, since };
    for (const set of this.topics.values()) for (const l of set) l.active = true;
    this.setStatus("connecting");
    const query = new URLSearchParams({ topics: topics.join(","), since: since.join(".") });
    const source = new EventSource(`${this.url}?${query}`);
    this.source = source;
    const handle = (e: MessageEvent<string>) => this.dispatch(source, e);
    for (const type of KNOWN_EVENTS) source.addEventListener(type, handle);
    source.onerror = () => {
      if (this.source !== source) return;
      this.setStatus("offline");
      // The browser retries a dropped stream by itself (with Last-Event-ID); a refused one is closed for good.
      if (source.readyState === EventSource.CLOSED) {
        const wait = RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)];
        this.retryTimer = setTimeout(() => this.connect(), wait);
      }
    };
  }

  private dispatch(source: EventSource, e: MessageEvent<string>) {
    if (this.source !== source) return; // a connection already replaced
    let payload: { topic?: string; seq?: number | null; data?: unknown; message?: string };
    try {
      payload = JSON.parse(e.data) as typeof payload;
    } catch {
      return;
    }
    if (e.type === "ready") {
      this.retries = 0;
      return this.setStatus("live");
    }
    const topic = payload.topic ?? "";
    const at = this.opened?.topics.indexOf(topic) ?? -1;
    const listeners = [...(this.topics.get(topic) ?? [])].filter((l) => l.active);
    if (e.type === "denied") return listeners.forEach((l) => l.handlers.denied?.(payload.message ?? "Not allowed"));
    const seq = payload.seq ?? null;
    if (e.type === "reset") {
      if (at >= 0) this.opened!.since[at] = seq ?? 0;
      for (const l of listeners) {
        l.seq = seq ?? 0;
        l.handlers.reset();
      }
      return;
    }
    if (seq !== null && at >= 0) this.opened!.since[at] = seq;
    for (const l of listeners) {
      if (seq === null) l.handlers.event(e.type, payload.data, null);
      else if (seq > l.seq) {
        l.seq = seq;
        l.handlers.event(e.type, payload.data, seq);
      }
    }
  }
}

// EventSource dispatches named events only to listeners of that name.
const KNOWN_EVENTS = [
  "ready", "reset", "denied",
  "message", "message_updated", "change", "change_updated", // threads and branches (§8.4, §8.8)
  "head", "thread", // branches (§8.11, §8.12)
  "flag", "flag_updated", // flags (§8.13)
  "notification", "notifications_read", // notifications (§15)
  "changed", // an RFC's lifecycle (§3)
];

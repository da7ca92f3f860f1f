// The browser's one live connection (issue 14): every component that follows
// a topic — the chat, the change cards, the flags, the bell — subscribes
// here, and the hub keeps ONE EventSource on GET /api/live for all of them
// (browsers allow six HTTP/1.1 connections per host; one per stream would
// starve a second tab). Each subscriber has its own cursor, the `liveSeq`
// its data was read at; the connection resumes each topic from the lowest
// cursor on it, and every subscriber gets each numbered event after its own
// cursor exactly once. A reconnect — by the browser, or after the topic set
// changed — resumes from the cursors, so nothing is missed. A new topic set
// while the connection is up opens its connection beside the old one, which
// keeps delivering until the new one is ready: no event, numbered or not,
// falls between them, and the page is never "reconnecting" for it. A tab
// hidden for a while lets go of its connection (followVisibility below): the
// six connections are the browser's for all the app's tabs together.

export type LiveHandlers = {
  /** A numbered event (`seq`), or an ephemeral one (`seq` null) that repeats state a later event carries. */
  event(type: string, data: unknown, seq: number | null): void;
  /** The server cannot replay from this subscriber's cursor: reload, then follow from the answer's liveSeq. */
  reset(): void;
  /** The topic may not be followed (the message says why). */
  denied?(message: string): void;
  /**
   * The topic is followed from now on: the first time, and again after the connection was down. An
   * unnumbered event sent before then was not seen: a subscriber that lives by those reads again here.
   */
  ready?(): void;
};

/**
 * `active` once a connection resumes from at or before its cursor: until then it would get events out of order;
 * `followed` while a ready connection carries its topic.
 */
type Listener = { seq: number; handlers: LiveHandlers; active: boolean; followed: boolean };
export type LiveStatus = "connecting" | "live" | "offline";

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];
/** How long the old connection waits for its replacement: a browser out of connections for the host holds the new one back until one closes. */
const SWAP_MS = 5000;
/** How long a hidden tab keeps its connection: a glance at another tab costs no reconnect. */
const HIDDEN_MS = 10_000;

export class LiveHub {
  private topics = new Map<string, Set<Listener>>();
  private source: EventSource | null = null;
  /** The replacement for `source` after the topics changed, until it is ready. */
  private pending: EventSource | null = null;
  private swapTimer: ReturnType<typeof setTimeout> | null = null;
  private opened: { topics: string[]; since: number[] } | null = null;
  private scheduled = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private suspended = false;
  private statusListeners = new Set<(s: LiveStatus) => void>();
  status: LiveStatus = "connecting";

  constructor(
    private readonly url = "/api/live",
    private readonly swapMs = SWAP_MS,
  ) {}

  /** Follows `topic` from `since`; returns the unsubscribe function. */
  subscribe(topic: string, since: number, handlers: LiveHandlers): () => void {
    const at = this.opened?.topics.indexOf(topic) ?? -1;
    // A new topic, or a cursor behind the connection's: the connection must ask again from there.
    const active = at >= 0 && since >= this.opened!.since[at];
    const listener: Listener = { seq: since, handlers, active, followed: false };
    let set = this.topics.get(topic);
    if (!set) this.topics.set(topic, (set = new Set()));
    set.add(listener);
    if (!active) this.schedule();
    // A topic the ready connection already carries is followed at once.
    else if (this.status === "live" && !this.pending) queueMicrotask(() => set.has(listener) && this.markFollowed([listener]));
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

  /** Lets go of the connection; the subscriptions keep their cursors, and resume() follows on from them. */
  suspend(): void {
    if (this.suspended) return;
    this.suspended = true;
    this.close();
    this.unfollowAll();
    this.setStatus("connecting");
  }

  /** Connects again from every subscriber's cursor: the server replays what came meanwhile, or asks for a reload. */
  resume(): void {
    if (!this.suspended) return;
    this.suspended = false;
    this.schedule();
  }

  close(): void {
    this.dropPending();
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
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.suspended) return; // resume() connects
    this.dropPending();
    const topics = [...this.topics.keys()].sort();
    if (!topics.length) {
      this.source?.close();
      this.source = null;
      this.opened = null;
      return;
    }
    const since = topics.map((t) => this.cursorOf(t));
    this.opened = { topics, since };
    for (const set of this.topics.values()) for (const l of set) l.active = true;
    const query = new URLSearchParams({ topics: topics.join(","), since: since.join(".") });
    const source = new EventSource(`${this.url}?${query}`);
    const handle = (e: MessageEvent<string>) => this.dispatch(source, topics, e);
    for (const type of KNOWN_EVENTS) source.addEventListener(type, handle);
    source.onerror = () => this.failed(source);
    if (this.source && this.status === "live") {
      this.pending = source;
      this.swapTimer = setTimeout(() => this.promote(false), this.swapMs);
      return;
    }
    this.source?.close();
    this.source = source;
    this.unfollowAll();
    this.setStatus("connecting");
  }

  /** The replacement takes over; the old connection closes (before the new one is ready: there may be a gap). */
  private promote(ready: boolean) {
    if (!this.pending) return;
    const next = this.pending;
    this.pending = null;
    if (this.swapTimer) clearTimeout(this.swapTimer);
    this.swapTimer = null;
    this.source?.close();
    this.source = next;
    if (ready) return;
    this.unfollowAll();
    this.setStatus("connecting");
  }

  private dropPending() {
    this.pending?.close();
    this.pending = null;
    if (this.swapTimer) clearTimeout(this.swapTimer);
    this.swapTimer = null;
  }

  private failed(source: EventSource) {
    // Either of the two refused outright: the replacement takes over now (and is retried below if it was the one refused).
    if (this.pending && source.readyState === EventSource.CLOSED && (source === this.pending || source === this.source)) this.promote(false);
    if (this.source !== source) return;
    this.unfollowAll();
    this.setStatus("offline");
    // The browser retries a dropped stream by itself (with Last-Event-ID); a refused one is closed for good.
    if (source.readyState === EventSource.CLOSED) {
      const wait = RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)];
      this.retryTimer = setTimeout(() => this.connect(), wait);
    }
  }

  private unfollowAll() {
    for (const set of this.topics.values()) for (const l of set) l.followed = false;
  }

  private markFollowed(listeners: Iterable<Listener>) {
    for (const l of listeners) {
      if (l.followed) continue;
      l.followed = true;
      l.handlers.ready?.();
    }
  }

  private dispatch(source: EventSource, topics: string[], e: MessageEvent<string>) {
    // Both deliver while a replacement gets ready: numbered events are dealt once below, and an
    // unnumbered one only repeats state a later event carries.
    if (source !== this.source && source !== this.pending) return; // a connection already replaced
    let payload: { topic?: string; seq?: number | null; data?: unknown; message?: string };
    try {
      payload = JSON.parse(e.data) as typeof payload;
    } catch {
      return;
    }
    if (e.type === "ready") {
      if (source === this.pending) this.promote(true);
      this.retries = 0;
      this.setStatus("live");
      for (const t of topics) this.markFollowed([...(this.topics.get(t) ?? [])]);
      return;
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

/**
 * Suspends the hub while the page is hidden for `afterMs`, and resumes it as
 * the page is shown. A page opened in the background connects when first shown.
 */
export function followVisibility(hub: LiveHub, doc: Pick<Document, "visibilityState" | "addEventListener" | "removeEventListener">, afterMs = HIDDEN_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const update = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (doc.visibilityState === "hidden") timer = setTimeout(() => hub.suspend(), afterMs);
    else hub.resume();
  };
  if (doc.visibilityState === "hidden") hub.suspend();
  doc.addEventListener("visibilitychange", update);
  return () => {
    doc.removeEventListener("visibilitychange", update);
    if (timer) clearTimeout(timer);
  };
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

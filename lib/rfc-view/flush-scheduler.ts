// §8.11 manual edits are flushed as one bot commit after a pause, on blur,
// on leaving and on "Save". This is the timing and bookkeeping, without React
// or fetch: the caller passes `send` (the POST) and the timer functions, so
// the rules can be tested with a fake clock.

export type SaveStatus = "saved" | "unsaved" | "saving" | "conflict" | "error";

export type SendResult =
  | { kind: "ok"; headSha: string }
  | { kind: "conflict"; headSha: string; text: string }
  | { kind: "error"; message: string };

export type FlushSnapshot = {
  status: SaveStatus;
  baseSha: string;
  /** The text the branch holds at baseSha, as far as this editor knows. */
  savedText: string;
  error: string | null;
  conflict: { headSha: string; text: string } | null;
};

export type FlushDeps = {
  send: (baseSha: string, text: string) => Promise<SendResult>;
  getText: () => string;
  onChange: (snapshot: FlushSnapshot) => void;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  idleMs?: number; // the pause after the last keystroke (~2 s)
  retryMs?: number; // after a failed send (network, 5xx)
};

export type FlushScheduler = {
  /** The user typed: (re)start the idle timer. */
  changed(): void;
  /** Blur, Save, Ctrl/Cmd+S: flush now. Resolves when this flush (and any queued one) is done. */
  flushNow(): Promise<void>;
  /** Leaving the page: the text to send with keepalive, or null when nothing is unsaved. */
  pendingForUnload(): { baseSha: string; text: string } | null;
  /** After a conflict is settled (reload, merge): start again from this head and text. */
  rebase(baseSha: string, savedText: string): void;
  snapshot(): FlushSnapshot;
  dispose(): void;
};

export function createFlushScheduler(initial: { baseSha: string; text: string }, deps: FlushDeps): FlushScheduler {
  const idleMs = deps.idleMs ?? 2000;
  const retryMs = deps.retryMs ?? 5000;
  let state: FlushSnapshot = { status: "saved", baseSha: initial.baseSha, savedText: initial.text, error: null, conflict: null };
  let timer: unknown = null;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let disposed = false;

  const set = (patch: Partial<FlushSnapshot>) => {
    state = { ...state, ...patch };
    if (!disposed) deps.onChange(state);
  };
  const stopTimer = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
  };
  const arm = (ms: number) => {
    stopTimer();
    timer = deps.setTimer(() => {
      timer = null;
      void flushNow();
    }, ms);
  };

  async function runOnce(): Promise<void> {
    const text = deps.getText();
    if (text === state.savedText) {
      set({ status: "saved", error: null });
      return;
    }
    set({ status: "saving", error: null });
    const result = await deps.send(state.baseSha, text);
    if (disposed) return;
    if (result.kind === "ok") {
      const dirty = deps.getText() !== text;
      // Typing during the send left the idle timer armed: it flushes the rest.
      set({ baseSha: result.headSha, savedText: text, status: dirty ? "unsaved" : "saved" });
    } else if (result.kind === "conflict") {
      // Nothing is retried after a 409: the user decides (reload, copy, merge).
      stopTimer();
      again = false;
      set({ status: "conflict", conflict: { headSha: result.headSha, text: result.text } });
    } else {
      set({ status: "error", error: result.message });
      arm(retryMs);
    }
  }

  function flushNow(): Promise<void> {
    if (disposed || state.status === "conflict") return Promise.resolve();
    stopTimer();
    if (inFlight) {
      again = true; // one more pass when the running one ends
      return inFlight;
    }
    inFlight = (async () => {
      try {
        do {
          again = false;
          await runOnce();
        } while (again && !disposed && state.status !== "conflict");
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  }

  return {
    changed() {
      if (disposed) return;
      // No text is read per keystroke (it would serialise the whole document):
      // "unsaved" until the flush finds out — a text typed back to what is
      // saved becomes "saved" then without a request.
      if (state.status !== "conflict" && state.status !== "saving" && state.status !== "unsaved") set({ status: "unsaved" });
      if (state.status !== "conflict") arm(idleMs);
    },
    flushNow,
    pendingForUnload() {
      if (state.status === "conflict") return null; // the banner holds the user's text; never send it blind
      const text = deps.getText();
      return text === state.savedText ? null : { baseSha: state.baseSha, text };
    },
    rebase(baseSha, savedText) {
      stopTimer();
      set({ baseSha, savedText, conflict: null, error: null, status: deps.getText() === savedText ? "saved" : "unsaved" });
      if (state.status === "unsaved") arm(idleMs);
    },
    snapshot: () => state,
    dispose() {
      disposed = true;
      stopTimer();
    },
  };
}

import { createFlushScheduler, type SendResult } from "@/lib/rfc-view/flush-scheduler";

// §8.11 flush timing: after a pause, on demand, never twice at once, and a 409 stops autosave.

function setup(initial = "hello\n") {
  let text = initial;
  let reads = 0;
  const sent: Array<{ baseSha: string; text: string }> = [];
  const answers: Array<(r: SendResult) => void> = [];
  const statuses: string[] = [];
  const s = createFlushScheduler(
    { baseSha: "sha0", text: initial },
    {
      send: (baseSha, t) => {
        sent.push({ baseSha, text: t });
        return new Promise((resolve) => answers.push(resolve));
      },
      getText: () => (reads++, text),
      onChange: (snap) => statuses.push(snap.status),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      idleMs: 2000,
      retryMs: 5000,
    },
  );
  return { s, sent, answers, statuses, reads: () => reads, type: (t: string) => ((text = t), s.changed()) };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("flushes once after 2 s of quiet, not on every keystroke", async () => {
  const { s, sent, type, answers } = setup();
  type("hello w\n");
  jest.advanceTimersByTime(1500);
  type("hello wo\n");
  jest.advanceTimersByTime(1999);
  expect(sent).toHaveLength(0);
  expect(s.snapshot().status).toBe("unsaved");
  jest.advanceTimersByTime(1);
  expect(sent).toEqual([{ baseSha: "sha0", text: "hello wo\n" }]);
  expect(s.snapshot().status).toBe("saving");
  answers[0]({ kind: "ok", headSha: "sha1" });
  await Promise.resolve();
  await Promise.resolve();
  expect(s.snapshot()).toMatchObject({ status: "saved", baseSha: "sha1", savedText: "hello wo\n" });
});

test("nothing is sent when the text is back to what is saved", async () => {
  const { s, sent, type } = setup();
  type("x");
  type("hello\n");
  await s.flushNow();
  expect(sent).toHaveLength(0);
  expect(s.snapshot().status).toBe("saved");
});

test("a save while a flush runs waits for it and then sends the newer text on the new head", async () => {
  const { s, sent, type, answers } = setup();
  type("a\n");
  const first = s.flushNow();
  type("ab\n");
  const second = s.flushNow();
  expect(sent).toHaveLength(1);
  answers[0]({ kind: "ok", headSha: "sha1" });
  await jest.advanceTimersByTimeAsync(0);
  expect(sent[1]).toEqual({ baseSha: "sha1", text: "ab\n" });
  answers[1]({ kind: "ok", headSha: "sha2" });
  await Promise.all([first, second]);
  expect(s.snapshot()).toMatchObject({ status: "saved", baseSha: "sha2" });
});

test("a 409 keeps the user's text, stops autosave and offers nothing for unload until rebased", async () => {
  const { s, sent, type, answers } = setup();
  type("mine\n");
  const p = s.flushNow();
  answers[0]({ kind: "conflict", headSha: "other", text: "theirs\n" });
  await p;
  expect(s.snapshot()).toMatchObject({ status: "conflict", conflict: { headSha: "other", text: "theirs\n" }, baseSha: "sha0" });
  type("mine more\n");
  jest.advanceTimersByTime(10_000);
  await s.flushNow();
  expect(sent).toHaveLength(1);
  expect(s.pendingForUnload()).toBeNull();
  s.rebase("other", "theirs\n");
  expect(s.snapshot()).toMatchObject({ status: "unsaved", conflict: null, baseSha: "other" });
  expect(s.pendingForUnload()).toEqual({ baseSha: "other", text: "mine more\n" });
});

test("a failed send shows the error and retries later", async () => {
  const { s, sent, type, answers } = setup();
  type("a\n");
  const p = s.flushNow();
  answers[0]({ kind: "error", message: "offline" });
  await p;
  expect(s.snapshot()).toMatchObject({ status: "error", error: "offline" });
  jest.advanceTimersByTime(5000);
  expect(sent).toHaveLength(2);
});

test("pendingForUnload returns the unsaved text with its base", () => {
  const { s, type } = setup();
  expect(s.pendingForUnload()).toBeNull();
  type("changed\n");
  expect(s.pendingForUnload()).toEqual({ baseSha: "sha0", text: "changed\n" });
});

test("a keystroke reads no text (that would serialise the whole document); the flush reads it once", async () => {
  const { s, type, reads, sent, answers } = setup();
  for (const t of ["h", "he", "hel", "hell", "hello there\n"]) type(t);
  expect(reads()).toBe(0);
  expect(s.snapshot().status).toBe("unsaved");
  jest.advanceTimersByTime(2000);
  expect(sent).toEqual([{ baseSha: "sha0", text: "hello there\n" }]);
  expect(reads()).toBe(1); // the text sent (the editor computes it once per document state)
  answers[0]({ kind: "ok", headSha: "sha1" });
});

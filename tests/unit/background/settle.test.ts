import { backgroundWork, inBackground, onSettle, settleBackground } from "@/lib/background";

// The module keeps its state on globalThis; each Jest file gets a fresh one.

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("settleBackground", () => {
  it("waits for tracked work and forgets it once it settles", async () => {
    const d = deferred<number>();
    const p = inBackground("a refresh", d.promise);
    expect(backgroundWork()).toEqual(["a refresh"]);
    const settled = settleBackground();
    let done = false;
    void settled.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    d.resolve(7);
    await expect(settled).resolves.toEqual([]);
    await expect(p).resolves.toBe(7);
    expect(backgroundWork()).toEqual([]);
  });

  it("counts rejected work as settled", async () => {
    const d = deferred();
    inBackground("a failing sweep", d.promise).catch(() => undefined);
    d.reject(new Error("boom"));
    await expect(settleBackground()).resolves.toEqual([]);
  });

  it("goes round again when finishing work arms a timer, until a round finds nothing", async () => {
    let timer: NodeJS.Timeout | null = null;
    const fired: string[] = [];
    let rounds = 0;
    onSettle(() => {
      rounds++;
      const had = timer !== null;
      if (timer) clearTimeout(timer);
      timer = null;
      return had;
    });
    const d = deferred();
    // Like a merge watch: the read finishes, then schedules the next read.
    inBackground("a re-read", d.promise.then(() => {
      timer = setTimeout(() => fired.push("late read"), 50);
    }));
    const settled = settleBackground();
    d.resolve();
    await expect(settled).resolves.toEqual([]);
    expect(timer).toBeNull();
    expect(rounds).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(fired).toEqual([]);
  });

  it("work started while settling is waited for too", async () => {
    const first = deferred();
    const second = deferred();
    inBackground("first", first.promise.then(() => void inBackground("second", second.promise)));
    const settled = settleBackground();
    first.resolve();
    await new Promise((r) => setImmediate(r));
    expect(backgroundWork()).toEqual(["second"]);
    second.resolve();
    await expect(settled).resolves.toEqual([]);
  });

  it("gives up after the timeout and names what still runs", async () => {
    const never = deferred();
    inBackground("an AI reply that never ends", never.promise);
    await expect(settleBackground({ timeoutMs: 20 })).resolves.toEqual(["an AI reply that never ends"]);
    never.resolve();
    await expect(settleBackground()).resolves.toEqual([]);
  });
});

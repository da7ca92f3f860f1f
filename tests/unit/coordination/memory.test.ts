import { createMemoryBus } from "@/lib/coordination/memory-bus";
import { createMemoryLocks } from "@/lib/coordination/memory-locks";

// The in-process implementations behind lib/coordination's Bus and Locks.

/** A promise resolved from outside: work that ends when the test says so. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
const tick = () => new Promise((r) => setImmediate(r));

describe("memory locks", () => {
  it("run work on one key one at a time, in order, other keys in parallel, and survive a failure", async () => {
    const locks = createMemoryLocks();
    const log: string[] = [];
    const gates = { a: deferred(), b: deferred(), c: deferred() };
    const job = (key: string, name: keyof typeof gates, fail = false) =>
      locks.withLock(key, async () => {
        log.push(`${name}+`);
        await gates[name].promise;
        log.push(`${name}-`);
        if (fail) throw new Error(name);
        return name;
      });
    const all = Promise.allSettled([job("x", "a", true), job("x", "b"), job("y", "c")]);
    await tick();
    expect(log).toEqual(["a+", "c+"]); // b waits for a; c runs beside them
    gates.c.resolve();
    gates.a.resolve();
    await tick();
    expect(log).toContain("b+");
    gates.b.resolve();
    const results = await all;
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect(log.indexOf("a-")).toBeLessThan(log.indexOf("b+"));
    expect(await locks.isLocked("x")).toBe(false); // the last one out leaves nothing behind
  });

  it("tryLock refuses a held key, and withLock waits for its release", async () => {
    const locks = createMemoryLocks("web-1");
    const release = await locks.tryLock("g");
    expect(release).not.toBeNull();
    expect(await locks.tryLock("g")).toBeNull();
    expect(await locks.isLocked("g")).toBe(true);
    expect(await locks.holder("g")).toBe("web-1"); // the one process holds every lock it has
    let ran = false;
    const waiting = locks.withLock("g", async () => {
      ran = true;
    });
    await tick();
    expect(ran).toBe(false);
    await release!();
    await release!(); // releasing twice does nothing
    await waiting;
    expect(ran).toBe(true);
    expect(await locks.isLocked("g")).toBe(false);
    expect(await locks.holder("g")).toBeNull();
  });

  it("a caller whose turn does not come within waitMs gets LockBusy, never runs, and keeps the queue intact", async () => {
    const locks = createMemoryLocks();
    const gate = deferred();
    const log: string[] = [];
    const holder = locks.withLock("k", async () => {
      log.push("holder");
      await gate.promise;
    });
    const impatient = locks.withLock("k", async () => void log.push("impatient"), { waitMs: 20, busy: "Busy now" });
    await expect(impatient).rejects.toMatchObject({ name: "AppError", code: "conflict", message: "Busy now", details: { busy: true } });
    // Giving up did not free the key: the holder still has it, and the next caller waits for it.
    expect(await locks.isLocked("k")).toBe(true);
    expect(await locks.tryLock("k")).toBeNull();
    const next = locks.withLock("k", async () => void log.push("next"));
    await tick();
    expect(log).toEqual(["holder"]);
    gate.resolve();
    await Promise.all([holder, next]);
    expect(log).toEqual(["holder", "next"]);
    await tick();
    expect(await locks.isLocked("k")).toBe(false);
  });

  it("a turn that comes in time runs as usual", async () => {
    const locks = createMemoryLocks();
    expect(await locks.withLock("q", async () => 7, { waitMs: 1000 })).toBe(7);
    expect(await locks.isLocked("q")).toBe(false);
  });
});

describe("memory bus", () => {
  it("delivers to the topic's subscribers only, keeps going past a failing listener, and unsubscribes", () => {
    const bus = createMemoryBus();
    const seen: unknown[] = [];
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const stopBad = bus.subscribe("t:1", () => {
      throw new Error("bad listener");
    });
    const stop = bus.subscribe("t:1", (m) => seen.push(m));
    bus.subscribe("t:2", () => seen.push("wrong topic"));
    bus.publish("t:1", { n: 1 });
    expect(seen).toEqual([{ n: 1 }]);
    expect(error).toHaveBeenCalledTimes(1);
    stop();
    stopBad();
    bus.publish("t:1", { n: 2 });
    expect(seen).toEqual([{ n: 1 }]);
    error.mockRestore();
  });
});

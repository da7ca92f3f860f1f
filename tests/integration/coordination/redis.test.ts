import { createRedisBus } from "@/lib/coordination/redis-bus";
import { createRedisLocks } from "@/lib/coordination/redis-locks";
import { startTestRedis, type TestRedis } from "../../helpers/redis";
import { waitUntil } from "../../helpers/wait";

// The Redis bus and locks (COORDINATION=redis) as two instances see them:
// each `create…` call below has its own connections and its own in-process
// queue, as a second server process would.

let redis: TestRedis;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  for (const close of closers) await close();
  await redis.stop();
});

function locks(instanceId: string, ttlMs?: number) {
  const l = createRedisLocks(redis.url, { instanceId, ttlMs });
  closers.push(l.close);
  return l;
}
function bus() {
  const b = createRedisBus(redis.url);
  closers.push(b.close);
  return b;
}

describe("redis locks", () => {
  it("let one holder at a time across instances: no update of a shared counter is lost", async () => {
    const [one, two] = [locks("one"), locks("two")];
    let inside = 0;
    let most = 0;
    const bump = (l: typeof one) =>
      l.withLock("counter", async () => {
        most = Math.max(most, ++inside);
        const n = Number((await redis.client.get("test:counter")) ?? 0); // read, then write after a round trip
        await redis.client.ping();
        await redis.client.set("test:counter", String(n + 1));
        inside--;
      });
    await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 ? two : one)));
    expect(await redis.client.get("test:counter")).toBe("20");
    expect(most).toBe(1);
    expect(await one.isLocked("counter")).toBe(false);
  });

  it("tryLock refuses a key another instance holds and names the holder; withLock waits for its release", async () => {
    const [one, two] = [locks("one"), locks("two")];
    const release = await one.tryLock("g");
    expect(release).not.toBeNull();
    expect(await two.tryLock("g")).toBeNull();
    expect(await two.isLocked("g")).toBe(true);
    expect(await two.holder("g")).toBe("one");
    let ran = false;
    const waiting = two.withLock("g", async () => (ran = true));
    await redis.client.ping();
    expect(ran).toBe(false);
    await release!();
    await waiting;
    expect(ran).toBe(true);
    expect(await two.holder("g")).toBeNull();
  });

  it("a caller whose turn does not come within waitMs gets LockBusy and never runs, while another instance holds the key", async () => {
    const [one, two] = [locks("one"), locks("two")];
    const release = await one.tryLock("w");
    let ran = false;
    await expect(two.withLock("w", async () => (ran = true), { waitMs: 50, busy: "Busy now" })).rejects.toMatchObject({
      name: "AppError", code: "conflict", message: "Busy now", details: { busy: true },
    });
    expect(ran).toBe(false);
    expect(await two.holder("w")).toBe("one"); // giving up took nothing from the holder
    await release!();
    expect(await two.withLock("w", async () => 7, { waitMs: 60_000 })).toBe(7);
    expect(await two.isLocked("w")).toBe(false);
  });

  it("a lock of an instance that stops answering expires, and its holder hears that it lost it", async () => {
    const dying = locks("dying");
    const heir = locks("heir");
    let lost = false;
    expect(await dying.tryLock("lead", { ttlMs: 600, onLost: () => (lost = true) })).not.toBeNull();
    await dying.close(); // its renewals now fail, as a dead or cut-off instance's would
    const taken = await waitUntil(() => heir.tryLock("lead", { ttlMs: 600 }), { what: "the lock to expire" });
    expect(await heir.holder("lead")).toBe("heir");
    await waitUntil(() => lost, { what: "the old holder to hear it lost the lock" });
    await taken();
  });
});

describe("redis bus", () => {
  it("delivers what one instance publishes to another's subscribers, in order, and stops after unsubscribe", async () => {
    const [a, b] = [bus(), bus()];
    const got: unknown[] = [];
    const other: unknown[] = [];
    const off = b.subscribe("thread:t1", (m) => got.push(m));
    b.subscribe("thread:t2", (m) => other.push(m));
    await b.ready();
    for (let i = 0; i < 100; i++) a.publish("thread:t1", { i, text: "é ✓" });
    await waitUntil(() => got.length === 100, { what: "100 messages on B" });
    expect(got).toEqual(Array.from({ length: 100 }, (_, i) => ({ i, text: "é ✓" })));
    expect(other).toEqual([]);
    off();
    await b.ready();
    a.publish("thread:t1", { i: "late" });
    a.publish("thread:t2", { i: "t2" });
    await waitUntil(() => other.length === 1, { what: "the message on t2" });
    expect(got).toHaveLength(100); // t1's listener is gone
  });
});

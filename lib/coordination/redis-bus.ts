import type { Bus } from "./bus";
import { createMemoryBus } from "./memory-bus";
import { connectRedis, REDIS_PREFIX } from "./redis-client";

/**
 * The bus across instances: a publish goes to Redis (PUBLISH on one
 * connection, so one instance's messages keep their order), and each
 * instance SUBSCRIBEs to a topic while it has listeners for it, handing what
 * arrives to those listeners through an in-process bus. An instance's own
 * messages come back the same way, so every reader of a topic sees one order.
 */
export function createRedisBus(url: string): Bus & { ready(): Promise<void>; close(): Promise<void> } {
  const pub = connectRedis(url, "quorum-publish");
  const sub = connectRedis(url, "quorum-subscribe");
  const local = createMemoryBus();
  const counts = new Map<string, number>();
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    const t = p.catch((err: unknown) => console.error("[quorum] redis subscription failed:", err)).finally(() => pending.delete(t));
    pending.add(t);
  };

  sub.on("message", (channel: string, raw: string) => {
    if (!channel.startsWith(REDIS_PREFIX)) return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return; // not ours
    }
    local.publish(channel.slice(REDIS_PREFIX.length), message);
  });

  return {
    publish(topic, message) {
      pub.publish(REDIS_PREFIX + topic, JSON.stringify(message)).catch((err: unknown) => {
        console.error(`[quorum] could not publish to ${topic}:`, err);
      });
    },
    subscribe(topic, listener) {
      const n = counts.get(topic) ?? 0;
      counts.set(topic, n + 1);
      if (n === 0) track(sub.subscribe(REDIS_PREFIX + topic));
      const off = local.subscribe(topic, listener);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        off();
        const left = (counts.get(topic) ?? 1) - 1;
        if (left > 0) return void counts.set(topic, left);
        counts.delete(topic);
        track(sub.unsubscribe(REDIS_PREFIX + topic));
      };
    },
    /** Resolves once every SUBSCRIBE sent so far is in effect (tests; a stream does not wait). */
    async ready() {
      await Promise.all([...pending]);
    },
    async close() {
      await Promise.all([pub.quit(), sub.quit()]).catch(() => undefined);
    },
  };
}

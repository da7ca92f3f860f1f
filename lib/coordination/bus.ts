import { getConfig } from "@/lib/config";
import { createMemoryBus } from "./memory-bus";
import { createRedisBus } from "./redis-bus";

// The one pub/sub of the app (§8.4 thread events, §13.3 graduation
// progress): publishers and SSE subscribers meet on a named topic. Messages
// are plain JSON values so that a bus between several server processes can
// carry them; the implementation is chosen by COORDINATION (lib/config.ts):
// `memory` for one server process (§2), `redis` to fan out across instances
// through Redis pub/sub (lib/coordination/redis-bus.ts).

export type Listener = (message: unknown) => void;

export interface Bus {
  /** Delivers `message` to every subscriber of `topic`; a failing listener never stops the others. */
  publish(topic: string, message: unknown): void;
  /** Listens to `topic`; returns the unsubscribe function. */
  subscribe(topic: string, listener: Listener): () => void;
}

// On globalThis: Next bundles each route separately, and they must share one bus.
const g = globalThis as unknown as { quorumBus?: Bus };

export function getBus(): Bus {
  if (!g.quorumBus) {
    const { coordination, redisUrl } = getConfig();
    g.quorumBus = coordination === "redis" && redisUrl ? createRedisBus(redisUrl) : createMemoryBus();
  }
  return g.quorumBus;
}

/** A typed family of topics, one per key: `channel<ThreadEvent>("thread")` → "thread:<threadId>". */
export function channel<T>(name: string) {
  const topic = (key: string) => `${name}:${key}`;
  return {
    publish: (key: string, message: T) => getBus().publish(topic(key), message),
    subscribe: (key: string, listener: (message: T) => void) => getBus().subscribe(topic(key), listener as Listener),
  };
}

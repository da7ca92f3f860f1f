import Redis from "ioredis";

// Connections to Redis for the bus and the locks (COORDINATION=redis). Every
// key and channel the app uses is under one prefix, so Quorum can share a
// Redis with other software.

export const REDIS_PREFIX = "quorum:";

/**
 * A connection that reconnects by itself. Commands sent while it is down
 * fail at once instead of queueing (a lock or a publish must not hang a
 * request); a subscriber's channels are subscribed again after a reconnect.
 */
export function connectRedis(url: string, name: string): Redis {
  const client = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // ioredis emits 'error' on every failed reconnect; one line each, never an uncaught event.
  let lastLogged = "";
  client.on("error", (err: Error) => {
    if (err.message === lastLogged) return;
    lastLogged = err.message;
    console.error(`[quorum] redis (${name}): ${err.message}`);
  });
  client.on("ready", () => (lastLogged = ""));
  return client;
}

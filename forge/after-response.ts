import { AsyncLocalStorage } from "node:async_hooks";

// Work deferred until the current request's response has been sent (webhook
// deliveries start "after the response", as Gitea's queue does). Outside a
// request the work starts on the next turn of the event loop.

const scope = new AsyncLocalStorage<(() => void)[]>();

export function afterResponse(fn: () => void): void {
  const pending = scope.getStore();
  if (pending) pending.push(fn);
  else setImmediate(fn);
}

/** Runs `handler` collecting deferred work; returns a function that starts it. */
export async function withDeferred<T>(handler: () => Promise<T>): Promise<{ result: T; release: () => void }> {
  const pending: (() => void)[] = [];
  const release = () => pending.splice(0).forEach((fn) => setImmediate(fn));
  try {
    return { result: await scope.run(pending, handler), release };
  } catch (err) {
    release();
    throw err;
  }
}

import { AsyncLocalStorage } from "node:async_hooks";

// Work deferred until the current request's response has been sent (webhook
// deliveries start "after the response", as Gitea's queue does). Outside a
// request — or in a timer the request started, once its response is out —
// the work starts on the next turn of the event loop.

type Scope = { pending: (() => void)[]; released: boolean };

const scope = new AsyncLocalStorage<Scope>();

const live = (): Scope | null => {
  const s = scope.getStore();
  return s && !s.released ? s : null;
};

export function afterResponse(fn: () => void): void {
  const s = live();
  if (s) s.pending.push(fn);
  else setImmediate(fn);
}

/** An identity for "this request" while its response is pending, else null. */
export const currentRequest = (): object | null => live();

/** Runs `handler` collecting deferred work; returns a function that starts it. */
export async function withDeferred<T>(handler: () => Promise<T>): Promise<{ result: T; release: () => void }> {
  const s: Scope = { pending: [], released: false };
  const release = () => {
    s.released = true;
    s.pending.splice(0).forEach((fn) => setImmediate(fn));
  };
  try {
    return { result: await scope.run(s, handler), release };
  } catch (err) {
    release();
    throw err;
  }
}

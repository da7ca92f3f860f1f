// The one way tests wait for something to become true: poll until `check`
// returns a value other than false/null/undefined, or fail after `timeoutMs`
// with a message that names what never happened. Generous defaults, because
// tests must hold on a busy 2-core machine; never a fixed sleep.

export type WaitOptions = {
  timeoutMs?: number;
  intervalMs?: number;
  what?: string;
  /** An error from `check` that means it will never come true (a process that exited): thrown at once. */
  failFast?: (err: unknown) => boolean;
};

export async function waitUntil<T>(check: () => T | Promise<T>, { timeoutMs = 60_000, intervalMs = 50, what = "the condition", failFast }: WaitOptions = {}): Promise<Exclude<T, false | null | undefined>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== null && value !== undefined) return value as Exclude<T, false | null | undefined>;
    } catch (err) {
      if (failFast?.(err)) throw err;
      lastError = err; // a check may throw while the thing is not there yet
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Waits until the wall clock has entered a later second than `since`.
 * Gitea (and the forge) keep `updated_at` to the second, so a change made in
 * the same second as the last read cannot be told apart by it.
 */
export async function nextSecond(since = Date.now()): Promise<void> {
  const second = Math.floor(since / 1000);
  await waitUntil(() => Math.floor(Date.now() / 1000) > second, { intervalMs: 20, what: "the next second" });
}

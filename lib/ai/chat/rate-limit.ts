import { AppError } from "@/lib/http/errors";

// Per-user limit on AI requests (issue 6): a sliding window of one minute
// held in memory. One server process (§2), so memory is the right place; a
// restart forgets the window, which errs on the side of the user.

const WINDOW_MS = 60_000;

const g = globalThis as unknown as { quorumAiRate?: Map<number, number[]> };
const windows = (g.quorumAiRate ??= new Map<number, number[]>());

/** Counts one AI request for `userId`, or throws 429 `rate_limited` with the wait in seconds. */
export function takeAiRequest(userId: number, perMinute: number, now = Date.now()): void {
  const recent = (windows.get(userId) ?? []).filter((t) => now - t < WINDOW_MS);
  if (recent.length >= perMinute) {
    const retryAfterS = Math.max(1, Math.ceil((recent[0] + WINDOW_MS - now) / 1000));
    windows.set(userId, recent);
    throw new AppError("rate_limited", `You asked the AI ${perMinute} times in the last minute; try again in ${retryAfterS} s.`, {
      retryAfterS,
    });
  }
  recent.push(now);
  windows.set(userId, recent);
}

/** Test seam: forget every window. */
export function resetAiRateLimits(): void {
  windows.clear();
}

import { readFileSync, writeFileSync } from "node:fs";
import { getConfig } from "@/lib/config";

// The app's clock for lifecycle times (§3: motions, the final comment
// period, decisions, withdrawals). Production reads the system clock.
// Tests move it forward: in-process with advanceClock(), and in the e2e
// build through POST /api/test/clock, which exists only when
// QUORUM_TEST_CLOCK_FILE is set. The offset is kept in that file so a
// restarted server keeps the time the test gave it.

type ClockState = { offsetMs: number; loadedFrom: string | null };
const g = globalThis as unknown as { quorumClock?: ClockState };

function state(): ClockState {
  const file = getConfig().testClockFile;
  const s = (g.quorumClock ??= { offsetMs: 0, loadedFrom: null });
  if (file && s.loadedFrom !== file) {
    s.loadedFrom = file;
    s.offsetMs = readOffset(file);
  }
  return s;
}

function readOffset(file: string): number {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { offsetMs?: unknown };
    return typeof parsed.offsetMs === "number" && Number.isFinite(parsed.offsetMs) ? parsed.offsetMs : 0;
  } catch {
    return 0; // no file yet: the real time
  }
}

export const nowMs = (): number => Date.now() + state().offsetMs;
export const now = (): Date => new Date(nowMs());
export const nowIso = (): string => now().toISOString();

/** How far the clock runs ahead of the system clock. */
export const clockOffsetMs = (): number => state().offsetMs;

/** Moves the clock (tests only); persisted when a test clock file is configured. */
export function setClockOffset(offsetMs: number): void {
  const s = state();
  s.offsetMs = offsetMs;
  const file = getConfig().testClockFile;
  if (file) writeFileSync(file, JSON.stringify({ offsetMs }));
}

export const advanceClock = (ms: number): void => setClockOffset(state().offsetMs + ms);

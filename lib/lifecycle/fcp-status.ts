import type { Concern, Motion } from "./motion";

// The final comment period, derived from a motion's recorded events (pure).
// The period runs while enough of the RFC's arbiters have signed off (all,
// or a majority — the entry's `sign_offs_needed`) and no concern is open; a
// concern pauses it and its resolution resumes it with the time that was
// left. It ends once it has run `period_days` in total. Events after that
// moment do not count: the decision is due at the end, however late the bot
// gets to record it (a restart in between changes nothing).

export type SignOffRule = "all" | "majority";
export type FcpPhase = "gathering" | "running" | "paused" | "due" | "closed";

export type FcpSegment = { from: string; to: string | null };

export type FcpStatus = {
  phase: FcpPhase;
  /** Current arbiters who signed off, and those who have not. */
  signedOff: string[];
  awaiting: string[];
  /** Sign-offs the rule asks for (Infinity when the RFC has no arbiters). */
  needed: number;
  openConcerns: Concern[];
  periodMs: number;
  /** When the period first started running. */
  startedAt: string | null;
  /** Running: when it will end; due: when it ended. */
  endsAt: string | null;
  /** Running or paused: time left. */
  remainingMs: number | null;
  pausedAt: string | null;
  /** The stretches the period ran, for the timeline. */
  segments: FcpSegment[];
};

export const signOffRule = (value: string | undefined | null): SignOffRule => (value === "majority" ? "majority" : "all");

export function signOffsNeeded(rule: SignOffRule, arbiters: number): number {
  if (arbiters === 0) return Infinity;
  return rule === "all" ? arbiters : Math.floor(arbiters / 2) + 1;
}

const DAY_MS = 86_400_000;
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

type Event = { at: number; apply: (s: { signed: Set<string>; open: Set<string> }) => void };

export function fcpStatus(args: { motion: Motion; arbiters: string[]; rule: SignOffRule; now: number }): FcpStatus {
  const { motion, arbiters, rule, now } = args;
  const current = new Set(arbiters);
  const periodMs = motion.periodDays * DAY_MS;
  const needed = signOffsNeeded(rule, current.size);

  const events: Event[] = [];
  for (const s of motion.signOffs) if (current.has(s.by)) events.push({ at: t(s.at), apply: (x) => void x.signed.add(s.by) });
  for (const c of motion.concerns) {
    events.push({ at: t(c.at), apply: (x) => void x.open.add(c.id) });
    if (c.resolvedAt) events.push({ at: t(c.resolvedAt), apply: (x) => void x.open.delete(c.id) });
  }
  // As of `now`: what is recorded later (a clock moved back in a test) has not happened yet.
  events.sort((a, b) => a.at - b.at);
  while (events.length && events[events.length - 1].at > now) events.pop();

  const live = { signed: new Set<string>(), open: new Set<string>() };
  const runs = () => live.signed.size >= needed && live.open.size === 0;
  const segments: FcpSegment[] = [];
  let ranMs = 0;
  let runStart: number | null = null;
  let endedAt: number | null = null;

  for (const e of events) {
    if (runStart !== null && runStart + (periodMs - ranMs) <= e.at) {
      endedAt = runStart + (periodMs - ranMs);
      break;
    }
    e.apply(live);
    if (runStart === null && runs()) runStart = e.at;
    else if (runStart !== null && !runs()) {
      ranMs += e.at - runStart;
      segments.push({ from: iso(runStart), to: iso(e.at) });
      runStart = null;
    }
  }
  if (endedAt === null && runStart !== null) endedAt = runStart + (periodMs - ranMs);
  const signedOff = arbiters.filter((a) => motion.signOffs.some((s) => s.by === a));
  const base = {
    signedOff,
    awaiting: arbiters.filter((a) => !signedOff.includes(a)),
    needed,
    openConcerns: motion.concerns.filter((c) => !c.resolvedAt),
    periodMs,
    startedAt: segments[0]?.from ?? (runStart !== null ? iso(runStart) : null),
    pausedAt: null as string | null,
    segments,
  };
  if (motion.outcome) {
    // Closed: the last stretch ran until the period ended or the motion closed, whichever came first.
    const closedAt = motion.closedAt ? t(motion.closedAt) : now;
    const last = runStart !== null ? [{ from: iso(runStart), to: iso(Math.min(endedAt ?? closedAt, closedAt)) }] : [];
    return { ...base, phase: "closed", endsAt: motion.closedAt ?? null, remainingMs: null, segments: [...segments, ...last] };
  }
  if (runStart !== null && endedAt !== null) {
    const ended = endedAt <= now;
    const all = [...segments, { from: iso(runStart), to: ended ? iso(endedAt) : null }];
    // Due: it ran out with no concern open (a concern would have paused it); later concerns came too late.
    if (ended) return { ...base, phase: "due", endsAt: iso(endedAt), remainingMs: 0, segments: all };
    return { ...base, phase: "running", endsAt: iso(endedAt), remainingMs: endedAt - now, segments: all };
  }
  if (ranMs > 0) return { ...base, phase: "paused", endsAt: null, remainingMs: periodMs - ranMs, pausedAt: segments[segments.length - 1]?.to ?? null };
  return { ...base, phase: "gathering", endsAt: null, remainingMs: null };
}

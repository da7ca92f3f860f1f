import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

// CPU time and resident memory of the app: `next start` and every process it
// spawned share its process group, so they are summed over the group (Linux /proc).

const TICKS_PER_S = 100; // USER_HZ on Linux

/** The fields of /proc/<pid>/stat after "pid (comm) " (index 0 is field 3, the state), or null once the process ended. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null; // the process ended meanwhile
  }
}

const procPids = () => readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
const cpuTicks = (fields: string[]) => Number(fields[11]) + Number(fields[12]); // fields 14 and 15: utime, stime

function groupPids(pgid: number): number[] {
  return procPids().filter((pid) => Number(statFields(pid)?.[2]) === pgid); // field 5: pgrp
}

/** User + system CPU time of the group, in ms. */
export function cpuMs(pgid: number): number {
  let ticks = 0;
  for (const pid of groupPids(pgid)) {
    const fields = statFields(pid);
    if (fields) ticks += cpuTicks(fields);
  }
  return (ticks * 1000) / TICKS_PER_S;
}

/** User + system CPU time of `pid` and every process below it (by parent id), in ms: a PostgreSQL postmaster and its backends. */
export function treeCpuMs(pid: number): number {
  const parentOf = new Map<number, number>();
  const ticksOf = new Map<number, number>();
  for (const pid of procPids()) {
    const fields = statFields(pid);
    if (!fields) continue;
    parentOf.set(pid, Number(fields[1])); // field 4: ppid
    ticksOf.set(pid, cpuTicks(fields));
  }
  let ticks = 0;
  for (const [p, t] of ticksOf) {
    for (let q: number | undefined = p; q !== undefined && q > 1; q = parentOf.get(q)) {
      if (q === pid) {
        ticks += t;
        break;
      }
    }
  }
  return (ticks * 1000) / TICKS_PER_S;
}

/** The machine's CPU time so far, all cores: busy and total, in ms (/proc/stat). */
export function machineCpuMs(): { busy: number; total: number } {
  const [, ...nums] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = nums.map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: (busy * 1000) / TICKS_PER_S, total: ((busy + idle + iowait) * 1000) / TICKS_PER_S };
}

/** Resident set size of the group, in bytes. */
export function rssBytes(pgid: number): number {
  let kb = 0;
  for (const pid of groupPids(pgid)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      /* ended */
    }
  }
  return kb * 1024;
}

/** The machine's load average (1, 5, 15 min), printed beside latencies: they mean little without it. */
export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");

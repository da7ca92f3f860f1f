import type { RfcScope } from "@/lib/auth/permissions";
import type { Entry } from "@/lib/entries";
import { nowMs } from "@/lib/clock";
import { fcpStatus, signOffRule, type FcpStatus } from "./fcp-status";
import { isOpen, readMotion, type Motion } from "./motion";

// What the lifecycle's writes check against: the entry as Git holds it now
// (the cache may lag a moment behind a merge that changed the arbiters).

export const scopeOfEntry = (entry: Entry): RfcScope => ({ owners: entry.owners, arbiters: entry.arbiters, state: entry.state });

/** The entry's motion, whether open, and its final comment period now. */
export function motionOfEntry(entry: Entry, now = nowMs()): { motion: Motion | null; open: boolean; status: FcpStatus | null } {
  const { motion } = readMotion(entry.extra);
  if (!motion) return { motion: null, open: false, status: null };
  const status = fcpStatus({ motion, arbiters: entry.arbiters, rule: signOffRule(entry.signOffsNeeded), now });
  return { motion, open: isOpen(motion), status };
}

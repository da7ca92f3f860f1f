"use client";

import { useSyncExternalStore } from "react";
import type { ViewPerms } from "@/components/rfc/view-types";
import { isFinalState } from "@/lib/lifecycle/state-rules";

// An RFC's state as the lifecycle bar last heard it (SSE), for the rest of
// the RFC view: when it becomes a record (accepted, rejected, withdrawn)
// while the page is open, every write control goes at once. The server
// refuses those writes anyway (409, lib/lifecycle/state-rules.ts); this only
// keeps the page honest without a reload that could drop someone's typing.

const states = new Map<string, string>();
const listeners = new Set<() => void>();

export function publishRfcState(slug: string, state: string): void {
  if (states.get(slug) === state) return;
  states.set(slug, state);
  for (const l of [...listeners]) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export function useRfcState(slug: string, initial: string): string {
  return useSyncExternalStore(subscribe, () => states.get(slug) ?? initial, () => initial);
}

/** The page's permissions once the RFC is a record: reading only. */
export function permsInState(perms: ViewPerms, state: string): ViewPerms {
  if (!isFinalState(state)) return perms;
  return Object.fromEntries(Object.keys(perms).map((k) => [k, false])) as ViewPerms;
}

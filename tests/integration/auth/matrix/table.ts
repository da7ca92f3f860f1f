import type { Fixture, Persona } from "./fixture";
import { PERSONAS } from "./fixture";

// The shapes of the permission matrix's rows (see permission-matrix.test.ts
// for how to add one).

/** The status each persona gets. */
export type Expect = Record<Persona, number>;

export type RouteRow = {
  /** "METHOD /api/path/[param]" exactly as the file path names it. */
  route: string;
  /** Tells several rows of one route apart (e.g. two bodies of one PATCH). */
  variant?: string;
  /** Builds one persona's request; called once per persona, so it may create fresh state. */
  request: (fx: Fixture, as: Persona) => Promise<{ params: Record<string, string>; body?: unknown; headers?: Record<string, string> }>;
  expect: Expect;
};

export type ActionRow = {
  /** "path/to/actions.ts#exportName". */
  action: string;
  variant?: string;
  /** The action's arguments for one persona's call. */
  args: (fx: Fixture, as: Persona) => Promise<unknown[]>;
  expect: Expect;
};

/** A mutating export the matrix does not call, and why. Keep this list short. */
export type Exemption = { key: string; reason: string };

/**
 * `allowed` get `ok`; other signed-in personas get `denied` (403); the
 * reader gets 401 unless listed. Spread and override single cells:
 * `{ ...allow(["rfcOwner", "admin", "owner"], 200), arbiter: 404 }`.
 */
export function allow(allowed: readonly Persona[], ok: number, denied = 403): Expect {
  const out = {} as Expect;
  for (const p of PERSONAS) out[p] = allowed.includes(p) ? ok : p === "reader" ? 401 : denied;
  return out;
}

export const SIGNED_IN: readonly Persona[] = PERSONAS.filter((p) => p !== "reader");
/** §6 "any branch" for stewards plus "own branch" for its creator, and admins. */
export const BRANCH_EDITORS: readonly Persona[] = ["branchCreator", "rfcOwner", "arbiter", "admin", "owner"];
/** §6 "RFC owner / arbiter" and admins. */
export const STEWARDS: readonly Persona[] = ["rfcOwner", "arbiter", "admin", "owner"];
export const ADMINS: readonly Persona[] = ["admin", "owner"];

/** Fills a FormData from an object (server actions take forms). */
export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

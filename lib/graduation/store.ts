import "server-only";
import { db } from "@/lib/db/client";
import type { GraduationSnapshot, GraduationStatus, Step } from "./types";

// The Graduation row: the durable half of the progress (§13.3) and, with its
// status, the cross-request record of a graduation in flight.

type Row = {
  id: number;
  slug: string;
  status: string;
  rfcId: string;
  repo: string;
  startedBy: string;
  steps: string;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

function parseSteps(text: string): Step[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as Step[]) : [];
  } catch {
    return [];
  }
}

export function toSnapshot(row: Row, seq = 0): GraduationSnapshot {
  return {
    graduationId: row.id,
    slug: row.slug,
    rfcId: row.rfcId,
    repo: row.repo,
    status: row.status as GraduationStatus,
    steps: parseSteps(row.steps),
    error: row.error,
    seq,
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function createGraduationRow(args: { slug: string; rfcId: string; repo: string; startedBy: string; steps: Step[] }) {
  const row = await db().graduation.create({
    data: { ...args, status: "running", steps: JSON.stringify(args.steps) },
  });
  return toSnapshot(row);
}

export async function saveSnapshot(s: GraduationSnapshot): Promise<void> {
  await db().graduation.update({
    where: { id: s.graduationId },
    data: {
      status: s.status,
      steps: JSON.stringify(s.steps),
      error: s.error,
      finishedAt: s.finishedAt ? new Date(s.finishedAt) : null,
    },
  });
}

/** The most recent graduation of a slug, finished or not. */
export async function latestGraduation(slug: string): Promise<GraduationSnapshot | null> {
  const row = await db().graduation.findFirst({ where: { slug }, orderBy: { id: "desc" } });
  return row ? toSnapshot(row) : null;
}

/** Rows still marked running: reservations of their id and repo name (validate.ts). */
export async function runningGraduations(): Promise<GraduationSnapshot[]> {
  const rows = await db().graduation.findMany({ where: { status: "running" } });
  return rows.map((r) => toSnapshot(r));
}

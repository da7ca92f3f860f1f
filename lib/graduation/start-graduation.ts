import "server-only";
import { inBackground } from "@/lib/background";
import { z } from "zod";
import { actorFrom } from "@/lib/bot/actor";
import { recordAction } from "@/lib/bot/audit";
import { metaRepo, readEntryOrThrow } from "@/lib/bot/meta-entry";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { conflict } from "@/lib/http/errors";
import { exclusively, tryLockSlug } from "./lock";
import { repoNameError, rfcIdError } from "./patterns";
import { publishProgress } from "./progress-events";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { assertNoBlockingPrs } from "./blocking-gate";
import { runGraduation } from "./run-graduation";
import { createGraduationRow, latestGraduation } from "./store";
import { GraduationTracker, initialSteps } from "./tracker";
import type { GraduationSnapshot } from "./types";
import { inFlightGraduations, latestSettledGraduation, repoTakenReason, rfcIdTakenReason } from "./validate";

const ruled = (rule: (value: string) => string | null) =>
  z.string().trim().superRefine((value, ctx) => {
    const message = rule(value);
    if (message) ctx.addIssue({ code: "custom", message });
  });

export const graduateInput = z.object({ id: ruled(rfcIdError), repo: ruled(repoNameError) });
export type GraduateInput = z.infer<typeof graduateInput>;

/**
 * §13.3 POST: re-validates everything (the check route was advisory),
 * reserves the id and repo name with a running Graduation row, and starts
 * the five steps in the background. Answers the first snapshot.
 */
export async function startGraduation(args: { slug: string; input: GraduateInput; user: SessionUser }): Promise<GraduationSnapshot> {
  const { slug, input, user } = args;
  const cached = await loadRfcOrThrow(slug);
  assertCan(user, "graduate", { rfc: cached.scope });
  if (cached.state !== "super-draft") throw conflict(`${slug} is ${cached.state}; only a super-draft graduates`);

  await latestSettledGraduation(slug); // one a stopped server left running is completed or rolled back first
  const release = await tryLockSlug(slug);
  if (!release) throw conflict(`A graduation of ${slug} is already running`);
  try {
    const { snapshot, tracker, plan } = await exclusively(async () => {
      if ((await latestGraduation(slug))?.status === "running") {
        throw conflict(`The last graduation of ${slug} stopped with the server and is not cleaned up yet; try again in a moment`);
      }
      const inFlight = await inFlightGraduations(slug);
      const idTaken = await rfcIdTakenReason(input.id, slug, inFlight);
      if (idTaken) throw conflict(idTaken, { field: "id" });
      const repoTaken = await repoTakenReason(input.repo, slug, inFlight);
      if (repoTaken) throw conflict(repoTaken, { field: "repo" });

      // The entry on main is the truth the steps build on; the cache may lag.
      const entry = await readEntryOrThrow(slug);
      if (entry.entry.state !== "super-draft") throw conflict(`${slug} is ${entry.entry.state} on main`);
      assertCan(user, "graduate", { rfc: { owners: entry.entry.owners, arbiters: entry.entry.arbiters, state: entry.entry.state } });
      if (!entry.entry.owners.length) throw conflict(`${slug} has no owner yet: claim it first (§13.1)`);
      await assertNoBlockingPrs(slug);

      const { org } = getConfig();
      const first = await createGraduationRow({ slug, rfcId: input.id, repo: `${org}/${input.repo}`, startedBy: user.login, steps: initialSteps() });
      const actor = actorFrom(user);
      await recordAction({
        actor,
        kind: "graduate_start",
        rfcSlug: slug,
        repo: first.repo,
        details: { graduationId: first.graduationId, rfcId: input.id, owners: entry.entry.owners },
      });
      const plan = { graduationId: first.graduationId, slug, rfcId: input.id, repo: { owner: org, repo: input.repo }, meta: metaRepo(), actor, entry };
      return { snapshot: first, tracker: new GraduationTracker(first), plan };
    });
    publishProgress({ type: "snapshot", snapshot });
    const run = runGraduation(plan, tracker)
      .catch((err: unknown) => console.error(`[quorum] graduation of ${slug} stopped unexpectedly`, err))
      .finally(release);
    void inBackground(`graduation of ${slug}`, run);
    return snapshot;
  } catch (err) {
    await release();
    throw err;
  }
}

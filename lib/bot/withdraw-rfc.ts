import { updateEntry } from "@/lib/entries";
import { archiveRepo, splitFullName } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import type { BotActor } from "./actor";
import { recordAction } from "./audit";
import { conflictOnExisting, metaRepo, nowIso, readEntryOrThrow } from "./meta-entry";
import { commitFiles } from "./write-files";

/**
 * §3 state 5: owners or admins withdraw a super-draft or an active RFC with a
 * reason. The entry stays in `rfcs/` (state withdrawn, reason, who, when) and
 * a per-RFC repo is archived in Gitea. Permission is the caller's check.
 */
export async function withdrawRfc(args: {
  actor: BotActor;
  slug: string;
  reason: string;
}): Promise<{ commitSha: string; archivedRepo: string | null }> {
  const { actor, slug } = args;
  const reason = args.reason.trim();
  if (!reason) throw new AppError("unprocessable", "Say why the RFC is withdrawn");
  const current = await readEntryOrThrow(slug);
  const { state, repo, title } = current.entry;
  if (state !== "super-draft" && state !== "active") {
    throw new AppError("conflict", `${slug} is ${state}; only a super-draft or an active RFC can be withdrawn`);
  }
  const content = updateEntry(current.text, {
    state: "withdrawn",
    withdrawnReason: reason,
    withdrawnAt: nowIso(),
    withdrawnBy: actor.login,
  });
  const { commitSha } = await conflictOnExisting(`${slug} changed meanwhile; try again`, () =>
    commitFiles({
      repo: metaRepo(),
      branch: "main",
      files: [{ op: "update", path: current.path, content, sha: current.sha }],
      subject: `Withdraw ${title}`,
      body: reason,
      actor,
      audit: { kind: "withdraw", rfcSlug: slug, details: { reason, previousState: state } },
    }),
  );
  if (!repo) return { commitSha, archivedRepo: null };
  await archiveRepo(splitFullName(repo));
  await recordAction({ actor, kind: "archive_repo", rfcSlug: slug, repo, details: { reason } });
  return { commitSha, archivedRepo: repo };
}

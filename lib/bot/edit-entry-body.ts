import { metaBranch, updateEntry } from "@/lib/entries";
import type { RepoRef } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import type { BotActor } from "./actor";
import { conflictOnExisting, metaRepo, readEntryOrThrow } from "./meta-entry";
import { commitFiles } from "./write-files";
import type { Trailers } from "./trailers";

/**
 * §3 state 2 / §11: a super-draft's body is edited on `edit/<slug>/<name>`
 * in the meta repo (or, for a private branch, on `<name>` in its private
 * companion repo: `at`). Commits the new body (frontmatter untouched) to
 * that branch. `expectedSha` is the blob sha the editor started from: if the
 * entry moved since, 409 and nothing is written (§8.11 "no silent overwrite").
 */
export async function commitEntryBody(args: {
  actor: BotActor;
  slug: string;
  name: string; // the display name (§11)
  /** Where the branch is, when not `edit/<slug>/<name>` in the meta repo (a private companion repo). */
  at?: { repo: RepoRef; ref: string };
  body: string;
  expectedSha?: string;
  subject?: string;
  messageBody?: string;
  trailers?: Trailers;
  auditKind?: string;
  details?: Record<string, unknown>;
}): Promise<{ commitSha: string; branch: string; changed: boolean }> {
  const { repo, ref: branch } = args.at ?? { repo: metaRepo(), ref: metaBranch.edit(args.slug, args.name) };
  const current = await readEntryOrThrow(args.slug, branch, repo);
  if (args.expectedSha && args.expectedSha !== current.sha) {
    throw new AppError("conflict", "The document changed since you loaded it", { sha: current.sha });
  }
  const content = updateEntry(current.text, { body: args.body });
  if (content === current.text) return { commitSha: "", branch, changed: false };
  const { commitSha } = await conflictOnExisting("The document changed since you loaded it", () =>
    commitFiles({
      repo,
      branch,
      files: [{ op: "update", path: current.path, content, sha: current.sha }],
      subject: args.subject ?? `Edit ${current.entry.title}`,
      body: args.messageBody ?? null,
      trailers: args.trailers,
      actor: args.actor,
      audit: { kind: args.auditKind ?? "edit_body", rfcSlug: args.slug, branch: args.name, details: args.details },
    }),
  );
  return { commitSha, branch, changed: true };
}

import { metaBranch, updateEntry } from "@/lib/entries";
import { AppError } from "@/lib/http/errors";
import type { BotActor } from "./actor";
import { conflictOnExisting, findOpenMetaPr, metaRepo, readEntryOrThrow } from "./meta-entry";
import { openPullRequest } from "./pull-requests";
import { commitFiles } from "./write-files";
import { deleteBranchAsBot } from "./delete-branch";

export type ClaimResult =
  | { status: "already_owner" }
  | { status: "opened"; prNumber: number; commitSha: string; branch: string };

/**
 * §13.1 Claim: a `claim/<slug>` PR adding the claimant to `owners`. Already an
 * owner → no-op; a claim already open → 409. Owners or admins merge it.
 */
export async function claimEntry(args: { actor: BotActor; slug: string }): Promise<ClaimResult> {
  const { actor, slug } = args;
  const current = await readEntryOrThrow(slug);
  if (current.entry.state !== "super-draft") {
    throw new AppError("conflict", `Only a super-draft can be claimed; ${slug} is ${current.entry.state}`);
  }
  if (current.entry.owners.includes(actor.login)) return { status: "already_owner" };
  const branch = metaBranch.claim(slug);
  const open = await findOpenMetaPr(branch);
  if (open) throw new AppError("conflict", `A claim on ${slug} is already open (#${open.number})`, { prNumber: open.number });

  const content = updateEntry(current.text, { owners: [...current.entry.owners, actor.login] });
  const { commitSha } = await conflictOnExisting(`A claim on ${slug} is already in progress`, () =>
    commitFiles({
      repo: metaRepo(),
      branch: "main",
      newBranch: branch,
      files: [{ op: "update", path: current.path, content, sha: current.sha }],
      subject: `Claim ${current.entry.title} for ${actor.login}`,
      actor,
      audit: { kind: "claim", rfcSlug: slug },
    }),
  );
  try {
    const pr = await conflictOnExisting(`A claim on ${slug} is already open`, () =>
      openPullRequest({
        repo: metaRepo(),
        head: branch,
        title: `Claim: ${current.entry.title} (${actor.login})`,
        description: `${actor.name} (@${actor.login}) asks to become an owner of ${slug}.`,
        actor,
        audit: { kind: "open_claim_pr", rfcSlug: slug },
      }),
    );
    return { status: "opened", prNumber: pr.number ?? 0, commitSha, branch };
  } catch (err) {
    // No half state: without its PR the branch would refuse every later claim.
    await deleteBranchAsBot({ repo: metaRepo(), name: branch, actor, audit: { kind: "delete_branch", rfcSlug: slug, details: { why: "the claim PR could not be opened" } } }).catch(() => undefined);
    throw err;
  }
}

import { metaBranch, updateEntry } from "@/lib/entries";
import { AppError } from "@/lib/http/errors";
import type { BotActor } from "./actor";
import { conflictOnExisting, findOpenMetaPr, metaRepo, readEntryOrThrow } from "./meta-entry";
import { openPullRequest } from "./pull-requests";
import { commitFiles } from "./write-files";

export type MetadataPatch = { title?: string; tags?: string[]; arbiters?: string[] };

/**
 * §3: title, tags and arbiters change through a `metadata/<slug>` PR. One
 * open at a time per entry (409), and a patch that changes nothing is 422.
 */
export async function editMetadata(args: {
  actor: BotActor;
  slug: string;
  patch: MetadataPatch;
  description?: string;
}): Promise<{ prNumber: number; commitSha: string; branch: string }> {
  const { actor, slug, patch } = args;
  const current = await readEntryOrThrow(slug);
  const branch = metaBranch.metadata(slug);
  const open = await findOpenMetaPr(branch);
  if (open) throw new AppError("conflict", `A metadata change on ${slug} is already open (#${open.number})`);

  const content = updateEntry(current.text, { title: patch.title?.trim(), tags: patch.tags, arbiters: patch.arbiters });
  if (content === current.text) throw new AppError("unprocessable", "Nothing to change");
  const changed = Object.keys(patch).filter((k) => patch[k as keyof MetadataPatch] !== undefined);
  const { commitSha } = await conflictOnExisting(`A metadata change on ${slug} is already in progress`, () =>
    commitFiles({
      repo: metaRepo(),
      branch: "main",
      newBranch: branch,
      files: [{ op: "update", path: current.path, content, sha: current.sha }],
      subject: `Change ${changed.join(", ")} of ${current.entry.title}`,
      actor,
      audit: { kind: "edit_metadata", rfcSlug: slug, details: { patch } },
    }),
  );
  const pr = await openPullRequest({
    repo: metaRepo(),
    head: branch,
    title: `Metadata: ${current.entry.title}`,
    description: args.description ?? `Changes ${changed.join(", ")}.`,
    actor,
    audit: { kind: "open_metadata_pr", rfcSlug: slug },
  });
  return { prNumber: pr.number ?? 0, commitSha, branch };
}

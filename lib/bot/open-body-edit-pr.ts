import { metaBranch } from "@/lib/entries";
import type { BotActor } from "./actor";
import { conflictOnExisting, metaRepo } from "./meta-entry";
import { openPullRequest } from "./pull-requests";

/** §9 `meta_body_edit`: a PR from `edit/<slug>/<name>` to main; 409 if one is open. */
export async function openBodyEditPr(args: {
  actor: BotActor;
  slug: string;
  name: string;
  title: string;
  description?: string;
}): Promise<{ prNumber: number; branch: string }> {
  const branch = metaBranch.edit(args.slug, args.name);
  const pr = await conflictOnExisting(`A PR from ${args.name} is already open`, () =>
    openPullRequest({
      repo: metaRepo(),
      head: branch,
      title: args.title,
      description: args.description,
      actor: args.actor,
      audit: { kind: "open_body_edit_pr", rfcSlug: args.slug },
    }),
  );
  return { prNumber: pr.number ?? 0, branch };
}

import { entryPath, metaBranch, serializeNewEntry } from "@/lib/entries";
import type { BotActor } from "./actor";
import { conflictOnExisting, metaRepo, nowIso } from "./meta-entry";
import { openPullRequest } from "./pull-requests";
import { commitFiles } from "./write-files";

export type ProposeIdeaInput = {
  actor: BotActor;
  slug: string;
  title: string;
  summary: string;
  tags: string[];
};

export type ProposeIdeaResult = { prNumber: number; branch: string; commitSha: string };

/**
 * §3 state 1: an idea is a `propose/<slug>` branch adding `rfcs/<slug>.md`
 * (state super-draft) and an open meta PR from it. A slug already on main,
 * or with a propose branch, answers 409.
 */
export async function proposeIdea(input: ProposeIdeaInput): Promise<ProposeIdeaResult> {
  const { actor, slug, title } = input;
  const branch = metaBranch.propose(slug);
  const summary = input.summary.trim();
  const content = serializeNewEntry({
    slug,
    title: title.trim(),
    state: "super-draft",
    id: "",
    repo: "",
    proposedBy: actor.login,
    proposedAt: nowIso(),
    graduatedAt: "",
    graduatedBy: "",
    owners: [],
    arbiters: [],
    tags: input.tags,
    body: summary ? `${summary}\n` : "",
  });
  const { commitSha } = await conflictOnExisting(`The slug "${slug}" is already taken`, () =>
    commitFiles({
      repo: metaRepo(),
      branch: "main",
      newBranch: branch,
      files: [{ op: "create", path: entryPath(slug), content }],
      subject: `Propose ${title.trim()}`,
      actor,
      audit: { kind: "propose_idea", rfcSlug: slug },
    }),
  );
  const pr = await conflictOnExisting(`An idea for "${slug}" is already open`, () =>
    openPullRequest({
      repo: metaRepo(),
      head: branch,
      title: `Idea: ${title.trim()}`,
      description: summary,
      actor,
      audit: { kind: "open_idea_pr", rfcSlug: slug },
    }),
  );
  return { prNumber: pr.number ?? 0, branch, commitSha };
}

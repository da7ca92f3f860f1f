import { rm } from "node:fs/promises";
import { z } from "zod";
import { toRepo } from "./convert/repo";
import { displayName, orgAsUser, toUser } from "./convert/user";
import { gitDirOf, type Forge } from "./forge";
import { git, initBare, updateRef, ZERO_SHA } from "./git";
import { commitTree } from "./git-write";
import { writeLooseTree } from "./tree-edit";
import { conflict, HttpError, unprocessable } from "./http";
import type { RepoRec, UserRec } from "./types";

// Creating and deleting repositories (services/repository/create.go, delete.go).

export const CreateRepo = z.object({
  name: z.string().min(1).max(100),
  description: z.string().optional(),
  private: z.boolean().optional(),
  auto_init: z.boolean().optional(),
  default_branch: z.string().optional(),
  readme: z.string().optional(),
  gitignores: z.string().optional(),
  license: z.string().optional(),
  issue_labels: z.string().optional(),
  template: z.boolean().optional(),
  trust_model: z.string().optional(),
  object_format_name: z.string().optional(),
});

/** Gitea's IsUsableRepoName. */
function checkRepoName(name: string): void {
  if (!/^[a-zA-Z0-9._-]+$/.test(name)) throw unprocessable(`[Name]: AlphaDashDot`);
  if ([".", "..", "-"].includes(name) || /\.(git|wiki|rss|atom)$/i.test(name)) {
    throw unprocessable(`name is reserved [name: ${name}]`);
  }
}

export async function validBranchName(forge: Forge, name: string): Promise<boolean> {
  if (!name || name.startsWith("-") || name === "HEAD") return false;
  try {
    await git(forge.store.dataDir, ["check-ref-format", `refs/heads/${name}`]);
    return true;
  } catch {
    return false;
  }
}

/** A repository's record as created now (not yet stored): no PRs, not archived. */
export function newRepoRecord(
  forge: Forge,
  owner: { id: number; name: string },
  fields: Pick<RepoRec, "name" | "description" | "private" | "defaultBranch">,
): RepoRec {
  const now = Date.now();
  return { id: forge.store.nextId("repo"), ownerId: owner.id, ownerName: owner.name, ...fields, archived: false, archivedAt: 0, created: now, updated: now, nextIndex: 1 };
}

export async function createRepo(
  forge: Forge,
  owner: { id: number; name: string },
  input: z.infer<typeof CreateRepo>,
  doer: UserRec,
): Promise<RepoRec> {
  const { store } = forge;
  checkRepoName(input.name);
  if (store.repo(owner.name, input.name)) throw conflict("The repository with the same name already exists.");
  const defaultBranch = input.default_branch || "main";
  if (!(await validBranchName(forge, defaultBranch))) throw unprocessable(`invalid default branch name: ${defaultBranch}`);
  if (input.auto_init && input.readme && input.readme !== "Default") throw new HttpError(400, `readme template does not exist: ${input.readme}`);
  const repo = newRepoRecord(forge, owner, { name: input.name, description: input.description ?? "", private: input.private ?? false, defaultBranch });
  const gitDir = gitDirOf(forge, repo);
  await rm(gitDir, { recursive: true, force: true });
  await initBare(gitDir, defaultBranch);
  if (input.auto_init) {
    const readme = `# ${repo.name}\n\n${repo.description}\n`;
    const tree = await writeLooseTree(gitDir, [{ path: "README.md", content: Buffer.from(readme) }]);
    const sig = { name: displayName(doer), email: doer.email };
    const sha = await commitTree(gitDir, tree, [], sig, sig, "Initial commit");
    await updateRef(gitDir, `refs/heads/${defaultBranch}`, sha, ZERO_SHA);
  }
  store.state.repos.push(repo);
  store.save();
  await emitRepositoryEvent(forge, repo, "created", doer);
  return repo;
}

/** `repository` events reach only the owner's (org) hooks (FACTS §2). */
async function emitRepositoryEvent(forge: Forge, repo: RepoRec, action: "created" | "deleted", doer: UserRec) {
  const org = forge.store.orgById(repo.ownerId);
  const ownerUser = forge.store.userById(repo.ownerId);
  const organization = org ? orgAsUser(forge, org) : ownerUser ? toUser(forge, ownerUser, "full") : null;
  const payload = { action, repository: await toRepo(forge, repo, "full"), organization, sender: toUser(forge, doer, "full") };
  forge.webhooks.emit(repo, "repository", payload, { orgOnly: true });
}

export async function deleteRepo(forge: Forge, repo: RepoRec, doer: UserRec): Promise<void> {
  const { store } = forge;
  await emitRepositoryEvent(forge, repo, "deleted", doer);
  store.state.repos = store.state.repos.filter((r) => r.id !== repo.id);
  store.state.hooks = store.state.hooks.filter((h) => h.repoId !== repo.id);
  store.state.pulls = store.state.pulls.filter((p) => p.repoId !== repo.id);
  store.state.comments = store.state.comments.filter((c) => c.repoId !== repo.id);
  store.save();
  await rm(gitDirOf(forge, repo), { recursive: true, force: true });
}

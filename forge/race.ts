import { gitDirOf, type Forge } from "./forge";
import { branchSha, treeOf, updateRef } from "./git";
import { commitTree } from "./git-write";
import { afterRefUpdate } from "./post-receive";
import type { RepoRec } from "./types";

// The `race` fault (faults.ts): a commit by the site admin lands on the
// branch a write is about to move, as a concurrent `git push` would, with
// its own push webhook. The write then loses the race the way Gitea's does.

export async function racingPush(forge: Forge, repo: RepoRec, branch: string): Promise<void> {
  const gitDir = gitDirOf(forge, repo);
  const head = await branchSha(gitDir, branch);
  const admin = forge.store.state.users.find((u) => u.isAdmin);
  if (!head || !admin) return;
  const sig = { name: admin.fullName || admin.login, email: admin.email };
  const sha = await commitTree(gitDir, await treeOf(gitDir, head), [head], sig, sig, "A concurrent push (injected race)");
  await updateRef(gitDir, `refs/heads/${branch}`, sha, head);
  await afterRefUpdate(forge, repo, admin, { branch, before: head, after: sha });
}

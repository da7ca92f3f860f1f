import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { gitDirOf, type Forge } from "./forge";
import { runGit } from "./git";
import { gitDate } from "./git-write";
import { json, parseBody, unprocessable, type Ctx, type Reply } from "./http";
import { writeLooseObject } from "./loose-objects";
import { writeLooseTree } from "./tree-edit";
import { displayName } from "./convert/user";
import { newRepoRecord } from "./repo-create";
import type { UserRec } from "./types";

// POST /_forge/bulk/repos (admin, benchmarks only): many org repos at once,
// each a real bare Git repository with one commit of the given files on its
// default branch — what creating the repo and committing through the
// contents API would leave, written without a git process per object and with
// the state saved once. No webhooks: like repositories restored into Gitea's
// data folder, the app learns them from its sweep.

const BulkRepos = z.object({
  owner: z.string().min(1),
  /** The commits' author and committer; the admin making the call when absent. */
  author: z.object({ name: z.string().min(1), email: z.string().min(1) }).optional(),
  repos: z
    .array(
      z.object({
        name: z.string().regex(/^[a-zA-Z0-9._-]+$/),
        description: z.string().default(""),
        message: z.string().min(1),
        files: z.array(z.object({ path: z.string().min(1), content: z.string() })).min(1),
      }),
    )
    .max(1000),
});

export async function bulkRepos(ctx: Ctx, doer: UserRec): Promise<Reply> {
  const { forge } = ctx;
  const { owner: ownerName, author, repos } = parseBody(ctx, BulkRepos);
  const owner = forge.store.orgByName(ownerName);
  if (!owner) throw unprocessable(`no org ${ownerName}`);
  for (const r of repos) if (forge.store.repo(owner.name, r.name)) throw unprocessable(`${owner.name}/${r.name} exists`);
  const template = await bareTemplate(forge);
  const who = author ?? { name: displayName(doer), email: doer.email };
  const sig = `${who.name} <${who.email}> ${gitDate()}`;
  const made: { name: string; sha: string }[] = [];
  for (const r of repos) {
    const repo = newRepoRecord(forge, owner, { name: r.name, description: r.description, private: false, defaultBranch: "main" });
    const gitDir = gitDirOf(forge, repo);
    await rm(gitDir, { recursive: true, force: true });
    await cp(template, gitDir, { recursive: true });
    const tree = await writeLooseTree(gitDir, r.files.map((f) => ({ path: f.path, content: Buffer.from(f.content) })));
    const message = r.message.endsWith("\n") ? r.message : `${r.message}\n`;
    const sha = await writeLooseObject(gitDir, "commit", Buffer.from(`tree ${tree}\nauthor ${sig}\ncommitter ${sig}\n\n${message}`));
    await mkdir(path.join(gitDir, "refs", "heads"), { recursive: true });
    await writeFile(path.join(gitDir, "refs", "heads", "main"), `${sha}\n`);
    forge.store.state.repos.push(repo);
    made.push({ name: r.name, sha });
  }
  forge.store.save();
  return json(201, made);
}

/** An empty bare repo with main as its default branch, made once by git itself and copied for each new repo. */
async function bareTemplate(forge: Forge): Promise<string> {
  const dir = path.join(forge.store.dataDir, ".forge", "bare-template.git");
  await rm(dir, { recursive: true, force: true });
  await runGit(dir, ["init", "--quiet", "--bare", "--template=", "--initial-branch=main", dir]);
  return dir;
}

import { runGit } from "./git";
import type { RefInfo } from "./convert/contents";

// Resolving the `ref` / `sha` query parameters: branch, then tag, then commit.

export interface ResolvedRef {
  sha: string;
  ref: RefInfo;
}

async function verify(gitDir: string, rev: string): Promise<string | null> {
  const { code, stdout } = await runGit(gitDir, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], { ok: [0, 1, 128] });
  return code === 0 ? stdout.toString().trim() : null;
}

export async function resolveRef(gitDir: string, ref: string): Promise<ResolvedRef | null> {
  if (!ref || ref.startsWith("-") || /[\0\s~^:?*[\\]/.test(ref)) return null;
  const branch = await verify(gitDir, `refs/heads/${ref}`);
  if (branch) return { sha: branch, ref: { name: ref, kind: "branch" } };
  const tag = await verify(gitDir, `refs/tags/${ref}`);
  if (tag) return { sha: tag, ref: { name: ref, kind: "tag" } };
  if (/^[0-9a-f]{4,40}$/i.test(ref)) {
    const sha = await verify(gitDir, ref);
    if (sha) return { sha, ref: { name: sha, kind: "commit" } };
  }
  return null;
}

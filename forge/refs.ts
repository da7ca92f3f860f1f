import { runGit } from "./git";
import type { RefInfo } from "./convert/contents";

// Resolving the `ref` / `sha` query parameters: branch, then tag, then commit.

export interface ResolvedRef {
  sha: string;
  ref: RefInfo;
}

/**
 * One `cat-file --batch-check` for the branch, tag and commit readings of
 * `ref`; `names` leaves commit ids out (1.22's compare, FACTS §7.1).
 */
export async function resolveRef(gitDir: string, ref: string, opts: { names?: boolean } = {}): Promise<ResolvedRef | null> {
  if (!ref || ref.startsWith("-") || /[\0\s~^:?*[\\]/.test(ref)) return null;
  const asSha = !opts.names && /^[0-9a-f]{4,40}$/i.test(ref);
  const specs = [`refs/heads/${ref}^{commit}`, `refs/tags/${ref}^{commit}`, ...(asSha ? [`${ref}^{commit}`] : [])];
  const { stdout } = await runGit(gitDir, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], { input: specs.join("\n") + "\n" });
  const lines = stdout.toString("utf8").split("\n");
  const found = (i: number) => (/^[0-9a-f]{40} commit$/.test(lines[i] ?? "") ? lines[i].slice(0, 40) : null);
  const branch = found(0);
  if (branch) return { sha: branch, ref: { name: ref, kind: "branch" } };
  const tag = found(1);
  if (tag) return { sha: tag, ref: { name: ref, kind: "tag" } };
  const sha = asSha ? found(2) : null;
  return sha ? { sha, ref: { name: sha, kind: "commit" } } : null;
}

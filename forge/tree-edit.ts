import { readObjects } from "./git-read";
import type { TreeChange } from "./git-write";
import { parseTreeObject, rawName, TREE_MODE, writeLooseObject, writeTreeObject, type TreeItem } from "./loose-objects";
import { parentDirs } from "./files-check";

// ChangeRepoFiles edits a commit's tree in a temporary index (FACTS §6). The
// forge edits it in memory instead: the branch head and every tree along the
// changed paths come from one `git cat-file --batch`, and only the trees that
// change are written back, as loose objects. The result is the tree the
// index would write, for one git process where the index took six (each
// costs the forge about 2 ms of blocked event loop to start).

const dirOf = (p: string) => p.slice(0, Math.max(p.lastIndexOf("/"), 0));
const baseOf = (p: string) => rawName(p.slice(p.lastIndexOf("/") + 1));
const depth = (dir: string) => (dir ? dir.split("/").length : 0);

export type ObjectKind = "blob" | "tree" | "commit" | "missing";

export class BranchTrees {
  private constructor(
    /** The branch head, or null when the branch does not exist. */
    readonly head: string | null,
    /** Each directory along the paths read ("" = root): its entries, or null when it is no directory. */
    private readonly dirs: Map<string, Map<string, TreeItem> | null>,
  ) {}

  /** The head of `branch` and the trees along `paths` in it. */
  static async read(gitDir: string, branch: string, paths: string[]): Promise<BranchTrees> {
    const ref = `refs/heads/${branch}`;
    const dirs = ["", ...new Set(paths.flatMap(parentDirs))];
    const [head, ...trees] = await readObjects(gitDir, [ref, ...dirs.map((d) => (d ? `${ref}:${d}` : `${ref}^{tree}`))]);
    const listings = new Map(dirs.map((d, i) => [d, trees[i]?.type === "tree" ? parseTreeObject(trees[i].body) : null]));
    return new BranchTrees(head?.type === "commit" ? head.sha : null, listings);
  }

  /** The entry at `path` (a path read, or a parent of one), or null. */
  item(path: string): TreeItem | null {
    return this.dirs.get(dirOf(path))?.get(baseOf(path)) ?? null;
  }

  kind(path: string): ObjectKind {
    const mode = this.item(path)?.mode;
    if (!mode) return "missing";
    return mode === TREE_MODE ? "tree" : mode === "160000" ? "commit" : "blob";
  }

  /** Writes the blobs and the changed trees; returns the new root tree and each written path's blob. */
  write(gitDir: string, changes: TreeChange[]): Promise<{ tree: string; blobs: Map<string, string> }> {
    return writeEdited(gitDir, this.dirs, changes);
  }
}

/** Writes the blobs and trees of a whole file set (a new repo's first commit); returns the root tree's sha. */
export async function writeLooseTree(gitDir: string, files: { path: string; content: Buffer }[]): Promise<string> {
  return (await writeEdited(gitDir, new Map(), files)).tree;
}

/** `changes` applied to the directories of `base` (one not there is empty): blobs and changed trees written, bottom up. */
async function writeEdited(gitDir: string, base: Map<string, Map<string, TreeItem> | null>, changes: TreeChange[]): Promise<{ tree: string; blobs: Map<string, string> }> {
  const blobs = new Map<string, string>();
  const edited = new Map<string, Map<string, TreeItem>>();
  const open = (dir: string) => {
    let items = edited.get(dir);
    if (!items) edited.set(dir, (items = new Map(base.get(dir) ?? [])));
    return items;
  };
  for (const change of changes) {
    ["", ...parentDirs(change.path)].forEach(open);
    const items = open(dirOf(change.path));
    if ("remove" in change) {
      items.delete(baseOf(change.path));
    } else {
      const sha = await writeLooseObject(gitDir, "blob", change.content);
      blobs.set(change.path, sha);
      items.set(baseOf(change.path), { mode: change.mode ?? "100644", sha });
    }
  }
  for (const dir of [...edited.keys()].filter(Boolean).sort((a, b) => depth(b) - depth(a))) {
    const items = edited.get(dir)!;
    const parent = edited.get(dirOf(dir))!;
    // An index holds no directories: one left empty is in no tree.
    if (items.size) parent.set(baseOf(dir), { mode: TREE_MODE, sha: await writeTreeObject(gitDir, items) });
    else parent.delete(baseOf(dir));
  }
  return { tree: await writeTreeObject(gitDir, open("")), blobs };
}

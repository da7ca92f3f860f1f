import { createHash, randomUUID } from "node:crypto";
import { access, mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { deflateSync } from "node:zlib";

// Git objects written as loose objects in Node, byte for byte what
// `git hash-object -w` writes (zlib of "<type> <size>\0<body>", named by its
// SHA-1), so many files cost no git process each. Trees are sorted the way
// `git write-tree` sorts them; tree-edit.ts builds them.

type ObjectType = "blob" | "tree" | "commit";

/** Writes one object unless present; returns its sha. Temp file + rename, so readers never see half an object. */
export async function writeLooseObject(gitDir: string, type: ObjectType, body: Buffer): Promise<string> {
  const full = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
  const sha = createHash("sha1").update(full).digest("hex");
  const dir = path.join(gitDir, "objects", sha.slice(0, 2));
  const file = path.join(dir, sha.slice(2));
  try {
    await access(file);
    return sha;
  } catch {
    // not there yet
  }
  await mkdir(dir, { recursive: true });
  const tmp = path.join(gitDir, "objects", `tmp_obj_${randomUUID()}`);
  // Level 1, as git writes loose objects (core.looseCompression).
  await writeFile(tmp, deflateSync(full, { level: 1 }), { mode: 0o444 });
  await rename(tmp, file);
  return sha;
}

/** A tree entry as the tree object holds it: its raw mode ("100644", "40000") and object sha. */
export type TreeItem = { mode: string; sha: string };

export const TREE_MODE = "40000";

/**
 * A tree's entries are keyed by their name's bytes, one char per byte
 * (latin1), so a name that is not UTF-8 is written back unchanged.
 */
export const rawName = (name: string) => Buffer.from(name, "utf8").toString("latin1");

/** Writes a tree object of `items` (by raw name); returns its sha. */
export function writeTreeObject(gitDir: string, items: Map<string, TreeItem>): Promise<string> {
  // Git orders tree entries by name bytes, a directory as if its name ended
  // in "/"; raw names compare as their bytes (one char per byte).
  const entries = [...items].map(([name, item]) => ({ name, ...item, key: item.mode === TREE_MODE ? `${name}/` : name }));
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // One buffer for the whole body: the meta repo's rfcs/ holds an entry per RFC.
  const body = Buffer.allocUnsafe(entries.reduce((n, e) => n + e.mode.length + e.name.length + 22, 0));
  let at = 0;
  for (const e of entries) {
    at += body.write(`${e.mode} ${e.name}\0`, at, "latin1");
    at += body.write(e.sha, at, "hex");
  }
  return writeLooseObject(gitDir, "tree", body);
}

/** The entries of a tree object's body ("<mode> <name>\0<20-byte sha>" each), by raw name. */
export function parseTreeObject(body: Buffer): Map<string, TreeItem> {
  const items = new Map<string, TreeItem>();
  const text = body.toString("latin1");
  for (let at = 0; at < text.length; ) {
    const space = text.indexOf(" ", at);
    const nul = text.indexOf("\0", space);
    items.set(text.slice(space + 1, nul), { mode: text.slice(at, space), sha: body.toString("hex", nul + 1, nul + 21) });
    at = nul + 21;
  }
  return items;
}

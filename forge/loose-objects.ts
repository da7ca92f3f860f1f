import { createHash, randomUUID } from "node:crypto";
import { access, mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { deflateSync } from "node:zlib";

// Git objects written as loose objects in Node, byte for byte what
// `git hash-object -w` writes (zlib of "<type> <size>\0<body>", named by its
// SHA-1), so many files cost no git process each. Trees are built the way
// `git write-tree` sorts them.

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
  await writeFile(tmp, deflateSync(full), { mode: 0o444 });
  await rename(tmp, file);
  return sha;
}

type Node = { files: Map<string, string>; dirs: Map<string, Node> };

/** Writes the blobs and trees of a whole file set; returns the root tree's sha. */
export async function writeLooseTree(gitDir: string, files: { path: string; content: Buffer }[]): Promise<string> {
  const root: Node = { files: new Map(), dirs: new Map() };
  for (const f of files) {
    const parts = f.path.split("/");
    let node = root;
    for (const dir of parts.slice(0, -1)) {
      if (!node.dirs.has(dir)) node.dirs.set(dir, { files: new Map(), dirs: new Map() });
      node = node.dirs.get(dir)!;
    }
    node.files.set(parts[parts.length - 1], await writeLooseObject(gitDir, "blob", f.content));
  }
  return writeNode(gitDir, root);
}

async function writeNode(gitDir: string, node: Node): Promise<string> {
  const entries: { name: string; mode: string; sha: string; key: string }[] = [];
  for (const [name, sha] of node.files) entries.push({ name, mode: "100644", sha, key: name });
  for (const [name, sub] of node.dirs) entries.push({ name, mode: "40000", sha: await writeNode(gitDir, sub), key: `${name}/` });
  // Git orders tree entries by name bytes, a directory as if its name ended in "/".
  entries.sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
  const body = Buffer.concat(entries.flatMap((e) => [Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.sha, "hex")]));
  return writeLooseObject(gitDir, "tree", body);
}

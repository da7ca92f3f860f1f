import "server-only";
import { gitRefOf, type DocHome } from "@/lib/branches/names";
import { entryPath } from "@/lib/entries";
import { splitFrontmatter } from "@/lib/entries/frontmatter";
import { getBranch, readFile } from "@/lib/gitea";
import { notFound } from "@/lib/http/errors";
import { loadRfcOrThrow, repoOf } from "@/lib/rfcs/context";

// Where a branch's document lives (§3, §11): for a super-draft the body of
// `rfcs/<slug>.md` in the meta repo (main, or `edit/<slug>/<name>`), for an
// active RFC `RFC.md` in its repo. Read from Gitea — route handlers only.

/** The document as read from Gitea, with what a write needs (not the wire shape: lib/contracts DocumentAtHead). */
export type StoredDocument = {
  text: string; // the document (for a super-draft: the entry body, frontmatter excluded)
  headSha: string; // the branch head the text was read at
  blobSha: string; // blob sha of the whole file (the contents API's update guard)
  path: string;
  fileText: string; // the whole file as stored
};

export const documentPath = (home: DocHome) => (home.kind === "meta" ? entryPath(home.slug) : "RFC.md");

/** The document at a branch's head; the file is read at that exact commit so text and sha agree. */
export async function readDocumentAt(home: DocHome, branch: string): Promise<StoredDocument> {
  const repo = repoOf(home);
  const live = await getBranch(repo, gitRefOf(home, branch));
  const headSha = live?.commit?.id;
  if (!headSha) throw notFound(`Branch ${branch} not found`);
  const path = documentPath(home);
  const file = await readFile(repo, path, headSha);
  if (!file) throw notFound(`${path} is missing on ${branch}`);
  const text = home.kind === "meta" ? (splitFrontmatter(file.text)?.body ?? file.text) : file.text;
  return { text, headSha, blobSha: file.sha, path, fileText: file.text };
}

export async function readDocument({ slug, branch }: { slug: string; branch: string }): Promise<StoredDocument> {
  const rfc = await loadRfcOrThrow(slug);
  return readDocumentAt(rfc.home, branch);
}

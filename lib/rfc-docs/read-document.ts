import "server-only";
import { gitRefOf, type DocHome } from "@/lib/branches/names";
import { entryPath } from "@/lib/entries";
import { splitFrontmatter } from "@/lib/entries/frontmatter";
import { getBranch, readFile } from "@/lib/gitea";
import { notFound } from "@/lib/http/errors";
import { repoNameOf, repoOf } from "@/lib/rfcs/context";
import { recallFile, rememberFile } from "./document-memo";

// Where a branch's document lives (§3, §11): for a super-draft the body of
// `rfcs/<slug>.md` in the meta repo (main, or `edit/<slug>/<name>`), for an
// active RFC `RFC.md` in its repo. Read from Gitea — route handlers only.

/** The document as read from Gitea, with what a write needs (not the wire shape: lib/contracts DocumentAtHead). */
export type StoredDocument = {
  text: string; // the document (for a super-draft: the entry body, frontmatter excluded)
  headSha: string; // the commit the text was read at (the branch head when read)
  blobSha: string; // blob sha of the whole file (the contents API's update guard)
  path: string;
  fileText: string; // the whole file as stored
};

export const documentPath = (home: DocHome) => (home.kind === "meta" ? entryPath(home.slug) : "RFC.md");

/** The document text of a whole file: a super-draft's body without its frontmatter. */
export const documentText = (home: DocHome, fileText: string) => (home.kind === "meta" ? (splitFrontmatter(fileText)?.body ?? fileText) : fileText);

const stored = (home: DocHome, commitSha: string, file: { fileText: string; blobSha: string }): StoredDocument => ({
  text: documentText(home, file.fileText),
  headSha: commitSha,
  blobSha: file.blobSha,
  path: documentPath(home),
  fileText: file.fileText,
});

/** Notes the file a commit holds, so the next write based on it reads nothing (document-memo.ts). */
export function rememberDocument(home: DocHome, commitSha: string, file: { fileText: string; blobSha: string }): void {
  rememberFile(repoNameOf(home), commitSha, documentPath(home), file);
}

/** The document at a branch's head; the file is read at that exact commit so text and sha agree. */
export async function readDocumentAt(home: DocHome, branch: string): Promise<StoredDocument> {
  const live = await getBranch(repoOf(home), gitRefOf(home, branch));
  const headSha = live?.commit?.id;
  if (!headSha) throw notFound(`Branch ${branch} not found`);
  const doc = await readDocumentAtCommit(home, headSha);
  if (!doc) throw notFound(`${documentPath(home)} is missing on ${branch}`);
  return doc;
}

/**
 * The document at one commit: remembered (no request) or one read. Null
 * when the commit or the file does not exist.
 */
export async function readDocumentAtCommit(home: DocHome, commitSha: string): Promise<StoredDocument | null> {
  const path = documentPath(home);
  const known = recallFile(repoNameOf(home), commitSha, path);
  if (known) return stored(home, commitSha, known);
  const file = await readFile(repoOf(home), path, commitSha);
  if (!file) return null;
  const entry = { fileText: file.text, blobSha: file.sha };
  rememberDocument(home, commitSha, entry);
  return stored(home, commitSha, entry);
}

import "server-only";
import type { DocHome } from "@/lib/branches/names";
import type { BranchPlace } from "@/lib/branches/place";
import { entryPath } from "@/lib/entries";
import { splitFrontmatter } from "@/lib/entries/frontmatter";
import { getBranch, readFile } from "@/lib/gitea";
import { notFound } from "@/lib/http/errors";
import { editorBlocksOf, type EditorBlock } from "@/lib/markdown";
import { editorBlocksAt, recallFile, rememberFile } from "./document-memo";

// Where a branch's document lives (§3, §11): for a super-draft the body of
// `rfcs/<slug>.md` (on meta main, `edit/<slug>/<name>`, or a private
// companion repo's `<name>`), for an active RFC `RFC.md` — the same path in
// the RFC's repo and in its companions. Read from Gitea — route handlers only.

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

/** Notes the file a commit of the place's repo holds, so the next write based on it reads nothing (document-memo.ts). */
export function rememberDocument(place: BranchPlace, commitSha: string, file: { fileText: string; blobSha: string }): void {
  rememberFile(place.repoName, commitSha, documentPath(place.home), file);
}

/** The document at a branch's head; the file is read at that exact commit so text and sha agree. */
export async function readDocumentAt(place: BranchPlace): Promise<StoredDocument> {
  const live = await getBranch(place.repo, place.ref);
  const headSha = live?.commit?.id;
  if (!headSha) throw notFound(`Branch ${place.name} not found`);
  const doc = await readDocumentAtCommit(place, headSha);
  if (!doc) throw notFound(`${documentPath(place.home)} is missing on ${place.name}`);
  return doc;
}

/**
 * The document at one commit of the place's repo: remembered (no request) or
 * one read. Null when the commit or the file does not exist there.
 */
export async function readDocumentAtCommit(place: BranchPlace, commitSha: string): Promise<StoredDocument | null> {
  const path = documentPath(place.home);
  const known = recallFile(place.repoName, commitSha, path);
  if (known) return stored(place.home, commitSha, known);
  const file = await readFile(place.repo, path, commitSha);
  if (!file) return null;
  const entry = { fileText: file.text, blobSha: file.sha };
  rememberDocument(place, commitSha, entry);
  return stored(place.home, commitSha, entry);
}

/** The editor's reading of a document (GET …/document?editor=1, issue 15): parsed once per commit, on the server. */
export const editorBlocksOfDocument = (place: BranchPlace, doc: StoredDocument): EditorBlock[] =>
  editorBlocksAt(place.repoName, doc.headSha, doc.path, () => editorBlocksOf(doc.text));

import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import type { Trailers } from "@/lib/bot/trailers";
import { commitFiles, WriteMismatch } from "@/lib/bot/write-files";
import type { DocHome } from "@/lib/branches/names";
import type { BranchPlace } from "@/lib/branches/place";
import { updateEntry } from "@/lib/entries";
import { GiteaError } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { lostRace } from "./lost-race";
import { readDocumentAt, rememberDocument, type StoredDocument } from "./read-document";

export type WriteDocumentInput = {
  place: BranchPlace; // where the branch lives (the RFC's repo or a private companion); never main (§6)
  /** The document the new text was made from: its blob sha guards the write. */
  before: StoredDocument;
  text: string;
  actor: BotActor;
  subject: string;
  body?: string | null;
  trailers?: Trailers;
  audit: { kind: string; details?: Record<string, unknown> };
};

export type WriteDocumentOutcome =
  | { kind: "written"; commitSha: string; parentSha: string | null; fileText: string }
  /** The text is already the document's: nothing to commit. */
  | { kind: "unchanged" }
  /** The document changed since `before` (the blob-sha guard refused): nothing was written. */
  | { kind: "moved" };

/** 409 carrying the branch's current head and text, so the editor can offer reload or merge (§8.11). */
export async function headMoved(place: BranchPlace): Promise<never> {
  const now = await readDocumentAt(place);
  throw new AppError("conflict", "The branch moved since you loaded it", { headSha: now.headSha, text: now.text });
}

// A stale blob sha (409 on some releases, 422 on others); a lost race to a push outside Quorum is a 500 (lost-race.ts).
const isShaConflict = (err: unknown) => err instanceof GiteaError && (err.status === 409 || err.status === 422);

/** The whole file the text becomes: a super-draft keeps its frontmatter bytes (§3). */
export const fileTextFor = (home: DocHome, before: StoredDocument, text: string) =>
  home.kind === "meta" ? updateEntry(before.fileText, { body: text }) : text;

/** Puts back the file a mismatched commit replaced (its blob sha as Gitea answered guards the revert). */
async function revert(input: WriteDocumentInput, err: WriteMismatch): Promise<string> {
  const { place, before } = input;
  const actual = err.mismatches.find((m) => m.path === before.path)?.actual;
  const { commitSha } = await commitFiles({
    repo: place.repo,
    branch: place.ref,
    files: actual ? [{ op: "update", path: before.path, content: before.fileText, sha: actual }] : [{ op: "create", path: before.path, content: before.fileText }],
    subject: `Revert "${input.subject}"`,
    body: `This reverts commit ${err.commitSha}: Gitea stored ${before.path} differently from the text that was sent.`,
    trailers: [...(input.trailers ?? []).filter(([k]) => k === "Change-Id"), ["Reverts", err.commitSha]],
    actor: input.actor,
    audit: { kind: "revert_write", rfcSlug: place.home.slug, branch: place.name, details: { reverted: err.commitSha, mismatches: err.mismatches } },
  });
  return commitSha;
}

/**
 * One bot commit replacing a branch's document (§8.11, §8.9), based on
 * `before` and guarded by its blob sha: a commit that changed the document
 * since — or a push that won the race to the branch (lost-race.ts) —
 * answers `moved` and nothing is written. The answer's blob sha proves
 * the commit holds our bytes (no read-back, §15 item 3); a commit that does
 * not is reverted and reported (502). Nothing is committed for an unchanged
 * text. The written file is remembered, so the next write reads nothing.
 */
export async function writeDocument(input: WriteDocumentInput): Promise<WriteDocumentOutcome> {
  const { place, before } = input;
  if (place.name === "main") throw new AppError("forbidden", "Main is never edited directly: open a PR from a branch (§6)");
  const fileText = fileTextFor(place.home, before, input.text);
  if (fileText === before.fileText) return { kind: "unchanged" };
  try {
    const res = await commitFiles({
      repo: place.repo,
      branch: place.ref,
      files: [{ op: "update", path: before.path, content: fileText, sha: before.blobSha }],
      subject: input.subject,
      body: input.body ?? null,
      trailers: input.trailers,
      actor: input.actor,
      audit: { kind: input.audit.kind, rfcSlug: place.home.slug, branch: place.ref, details: input.audit.details },
    });
    rememberDocument(place, res.commitSha, { fileText, blobSha: res.blobs[before.path] });
    return { kind: "written", commitSha: res.commitSha, parentSha: res.parents[0] ?? null, fileText };
  } catch (err) {
    if (isShaConflict(err) || (await lostRace(err, place, before.headSha, input.trailers))) return { kind: "moved" };
    if (err instanceof WriteMismatch) {
      const revertSha = await revert(input, err);
      throw new AppError("upstream", `Gitea stored a different text than was sent, so commit ${err.commitSha.slice(0, 10)} was reverted in ${revertSha.slice(0, 10)}.`, {
        commitSha: err.commitSha,
        revertSha,
      });
    }
    throw err;
  }
}

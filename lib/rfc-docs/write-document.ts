import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { commitEntryBody } from "@/lib/bot/edit-entry-body";
import type { Trailers } from "@/lib/bot/trailers";
import { commitFiles } from "@/lib/bot/write-files";
import { gitRefOf, type DocHome } from "@/lib/branches/names";
import { GiteaError } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { repoOf } from "@/lib/rfcs/context";
import { readDocumentAt, type StoredDocument } from "./read-document";

export type WriteDocumentInput = {
  home: DocHome;
  branch: string; // display name; never "main" (§6)
  baseSha: string; // the head the new text was based on
  text: string;
  actor: BotActor;
  /** The commit subject, or a function of the text being replaced (e.g. naming the section that changed). */
  subject: string | ((before: string) => string);
  body?: string | null;
  trailers?: Trailers;
  audit: { kind: string; details?: Record<string, unknown> };
};

export type WriteDocumentResult = { before: StoredDocument; commitSha: string | null; headSha: string };

/** 409 carrying the branch's current head and text, so the editor can offer reload or merge (§8.11). */
async function headMoved(home: DocHome, branch: string): Promise<never> {
  const now = await readDocumentAt(home, branch);
  throw new AppError("conflict", "The branch moved since you loaded it", { headSha: now.headSha, text: now.text });
}

const isShaConflict = (err: unknown) =>
  (err instanceof AppError && err.code === "conflict") || (err instanceof GiteaError && (err.status === 409 || err.status === 422));

/**
 * One bot commit replacing a branch's document (§8.11, §8.9). Refused when
 * `baseSha` is not the head; the contents API's blob-sha check is the atomic
 * guard for a commit that lands between our read and our write. A
 * super-draft keeps its frontmatter bytes (lib/bot/edit-entry-body).
 * Nothing is committed when the text is unchanged (commitSha null).
 */
export async function writeDocument(input: WriteDocumentInput): Promise<WriteDocumentResult> {
  const { home, branch, actor } = input;
  if (branch === "main") throw new AppError("forbidden", "Main is never edited directly: open a PR from a branch (§6)");
  const before = await readDocumentAt(home, branch);
  if (before.headSha !== input.baseSha) return headMoved(home, branch);
  if (before.text === input.text) return { before, commitSha: null, headSha: before.headSha };
  const subject = typeof input.subject === "string" ? input.subject : input.subject(before.text);
  let commitSha: string;
  try {
    if (home.kind === "meta") {
      const res = await commitEntryBody({
        actor,
        slug: home.slug,
        name: branch,
        body: input.text,
        expectedSha: before.blobSha,
        subject,
        messageBody: input.body ?? undefined,
        trailers: input.trailers,
        auditKind: input.audit.kind,
        details: input.audit.details,
      });
      commitSha = res.commitSha;
    } else {
      const res = await commitFiles({
        repo: repoOf(home),
        branch: gitRefOf(home, branch),
        files: [{ op: "update", path: before.path, content: input.text, sha: before.blobSha }],
        subject,
        body: input.body ?? null,
        trailers: input.trailers,
        actor,
        audit: { kind: input.audit.kind, rfcSlug: home.slug, branch, details: input.audit.details },
      });
      commitSha = res.commitSha;
    }
  } catch (err) {
    if (isShaConflict(err)) return headMoved(home, branch);
    throw err;
  }
  return { before, commitSha, headSha: commitSha };
}

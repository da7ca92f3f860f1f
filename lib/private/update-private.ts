import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { commitFiles, type FileWrite } from "@/lib/bot/write-files";
import type { BranchContext } from "@/lib/branches/context";
import { joinSegments, mergeSegments } from "@/lib/markdown/merge-blocks";
import { mergeConflict } from "@/lib/branches/resolve-conflict";
import type { Resolution } from "@/lib/branches/update-from-main";
import { mainPlace } from "@/lib/branches/place";
import { markStaleChanges } from "@/lib/changes/mark-stale";
import { countCommits, getBranch, readFile } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { documentPath, readDocumentAt } from "@/lib/rfc-docs/read-document";
import { refreshAfterWrite } from "@/lib/rfc-docs/refresh";
import type { RfcContext } from "@/lib/rfcs/context";
import { postSystemMessage } from "@/lib/threads/messages";
import { BASE_FILE, BASE_TRAILER, readPrivateLine } from "./base";

export type PrivateUpdate = { merged: boolean; behindBy: number; commitSha: string | null; staleChangeIds: string[] };

/**
 * §12 "update from main" on a private branch. Its companion repo does not
 * hold main's history, so the merge is the same three-way merge of the
 * document the public path checks first (base = the branch's `Quorum-Base`,
 * ours = the branch, theirs = main): conflicting hunks are reported (409) and
 * nothing is written; a clean merge is one bot commit with the merged text
 * and the new base (lib/private/base).
 */
export async function updatePrivateFromMain(args: { rfc: RfcContext; branch: BranchContext; actor: BotActor; resolution?: Resolution }): Promise<PrivateUpdate> {
  const { rfc, branch, actor } = args;
  const place = branch.place;
  const home = mainPlace(rfc.home);
  const [line, main, head] = await Promise.all([readPrivateLine(place), getBranch(home.repo, "main"), getBranch(place.repo, place.ref)]);
  const mainSha = main?.commit?.id;
  const headSha = head?.commit?.id;
  if (!mainSha || !headSha) throw new AppError("not_found", "Branch not found");
  const behindBy = line.base === mainSha ? 0 : await countCommits(home.repo, mainSha, line.base);
  if (behindBy === 0) return { merged: false, behindBy: 0, commitSha: null, staleChangeIds: [] };

  const path = documentPath(rfc.home);
  const [base, ours, theirs, baseFile] = await Promise.all([
    readFile(home.repo, path, line.base),
    readFile(place.repo, path, headSha),
    readFile(home.repo, path, mainSha),
    readFile(place.repo, BASE_FILE, headSha),
  ]);
  const r = args.resolution;
  const segments = mergeSegments(base?.text ?? "", ours?.text ?? "", theirs?.text ?? "");
  const fresh = !!r && r.mainSha === mainSha && r.headSha === headSha;
  if (!fresh && segments.some((g) => g.kind === "conflict")) throw mergeConflict({ name: branch.name, path, mainSha, headSha, segments, moved: !!r });
  const merged = { text: fresh ? r.text : joinSegments(segments, []) };
  const files: FileWrite[] = [
    baseFile ? { op: "update", path: BASE_FILE, content: `${mainSha}\n`, sha: baseFile.sha } : { op: "create", path: BASE_FILE, content: `${mainSha}\n` },
  ];
  if (ours && merged.text !== ours.text) files.unshift({ op: "update", path, content: merged.text, sha: ours.sha });
  const { commitSha } = await commitFiles({
    repo: place.repo,
    branch: place.ref,
    files,
    subject: `Merge main into ${branch.name}`,
    body: `Brings main up to ${mainSha.slice(0, 7)} (${behindBy} commit${behindBy === 1 ? "" : "s"}) into this private branch.`,
    trailers: [[BASE_TRAILER, mainSha]],
    actor,
    audit: { kind: "update_from_main", rfcSlug: rfc.slug, branch: branch.name, details: { mainSha, behindBy, private: true } },
  });
  const after = await readDocumentAt(place);
  await postSystemMessage({
    slug: rfc.slug,
    branch: branch.name,
    body: `${actor.name} updated ${branch.name} from main (${behindBy} commit${behindBy === 1 ? "" : "s"})`,
    details: { kind: "update_from_main", login: actor.login, commitSha, behindBy },
  });
  const staleChangeIds = await markStaleChanges({ slug: rfc.slug, branch: branch.name, text: after.text });
  await refreshAfterWrite(place);
  return { merged: true, behindBy: 0, commitSha, staleChangeIds };
}

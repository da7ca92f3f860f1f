import "server-only";
import type { BotActor } from "@/lib/bot/actor";
import { commitFiles } from "@/lib/bot/write-files";
import type { BranchPlace } from "@/lib/branches/place";
import { documentPath } from "@/lib/rfc-docs/read-document";
import { BASE_FILE, BASE_TRAILER } from "./base";

/**
 * A private branch's first commit in its companion repo (lib/private/base):
 * the document as it is on the RFC's main at `baseSha` (the whole file, a
 * super-draft's frontmatter included), the base in `.quorum/base` and in a
 * `Quorum-Base` trailer. Returns the commit.
 */
export async function startPrivateBranch(args: {
  place: BranchPlace;
  baseSha: string;
  fileText: string;
  actor: BotActor;
  body?: string;
  audit: { kind: string; rfcSlug: string };
}): Promise<string> {
  const { place, baseSha } = args;
  const { commitSha } = await commitFiles({
    repo: place.repo,
    branch: "main",
    newBranch: place.ref,
    files: [
      { op: "create", path: documentPath(place.home), content: args.fileText },
      { op: "create", path: BASE_FILE, content: `${baseSha}\n` },
    ],
    subject: `Start ${place.name} from main at ${baseSha.slice(0, 7)}`,
    body: args.body ?? null,
    trailers: [[BASE_TRAILER, baseSha]],
    actor: args.actor,
    audit: { kind: args.audit.kind, rfcSlug: args.audit.rfcSlug, branch: place.name, details: { base: baseSha } },
  });
  return commitSha;
}

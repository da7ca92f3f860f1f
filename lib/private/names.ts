import { createHash } from "node:crypto";
import type { DocHome } from "@/lib/branches/names";

// Private companion repos (README "What private means"). Gitea has no
// per-branch read permission, so a private branch lives in a private repo
// whose collaborators are exactly the people who may read it: one repo per
// RFC home and branch creator, `<rfc-repo>--private-<login>` for an active
// RFC and `<meta>--<slug>--private-<login>` for a super-draft. The
// description carries a marker the cache reads back after a rebuild; the
// name is only a convention (long names are shortened with a hash).

const MAX_REPO_NAME = 100; // Gitea's CreateRepoOption MaxSize(100)
const SEPARATOR = "--private-";
const MARK = /\[quorum-private slug=(\S+) home=(\S+) creator=(\S+)\]/;

export type CompanionFacts = { slug: string; home: string; creator: string };

/** The companion repo's name (no org) for `creator`'s private branches of this home. */
export function companionRepoName(home: DocHome, creator: string, metaRepoName: string): string {
  let base = home.kind === "rfc" ? home.repo.split("/")[1] : `${metaRepoName}--${home.slug}`;
  const suffix = `${SEPARATOR}${creator}`;
  if (base.length + suffix.length > MAX_REPO_NAME) {
    const hash = createHash("sha1").update(base).digest("hex").slice(0, 8);
    base = `${base.slice(0, MAX_REPO_NAME - suffix.length - hash.length - 1)}-${hash}`;
  }
  return `${base}${suffix}`;
}

/** What people read in Gitea, and the marker the cache parses. */
export function companionDescription(f: CompanionFacts): string {
  return `Private branches of ${f.slug} by ${f.creator}, kept by Quorum: only they, the RFC's owners and arbiters can read them. [quorum-private slug=${f.slug} home=${f.home} creator=${f.creator}]`;
}

export function parseCompanionDescription(description: string | null | undefined): CompanionFacts | null {
  const m = MARK.exec(description ?? "");
  return m ? { slug: m[1], home: m[2], creator: m[3] } : null;
}

/** Cheap test on a full name, before asking Gitea or the cache (webhooks, sweeps). */
export const looksLikeCompanion = (fullName: string) => fullName.includes(SEPARATOR);

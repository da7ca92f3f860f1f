import { metaBranch, RESERVED_BRANCH_PREFIXES } from "@/lib/entries";

// §11 names a user picks for a branch, and where the branch lives in Git.

export const MAX_BRANCH_NAME = 64;
/** Gitea refuses a branch name over 100 characters with 422 (FACTS §7.4). */
export const GITEA_MAX_BRANCH_NAME = 100;

/** How long a name may be on one RFC, and why when it is less than §11's 64. */
export type BranchNameLimit = { max: number; why: string | null };

/**
 * §11 allows 64 characters; a super-draft's branch is stored as
 * `edit/<slug>/<name>` (up to 134 characters), and Gitea takes 100 at most,
 * so there the name gets what the prefix leaves.
 */
export function branchNameLimit(home: { kind: "meta" | "rfc"; slug: string }): BranchNameLimit {
  if (home.kind === "rfc") return { max: MAX_BRANCH_NAME, why: null };
  const prefix = metaBranch.edit(home.slug, "");
  const left = GITEA_MAX_BRANCH_NAME - prefix.length;
  if (left >= MAX_BRANCH_NAME) return { max: MAX_BRANCH_NAME, why: null };
  return { max: left, why: `Git stores it as ${prefix}<name>, and Gitea takes ${GITEA_MAX_BRANCH_NAME} characters at most` };
}

/** Short-lived branches Quorum makes for its own merges (merge-resolved.ts): never an RFC's branch. */
export const HELPER_BRANCH_PREFIX = "quorum/";

export type NameCheck = { ok: true } | { ok: false; reason: string };

export function checkBranchName(name: string, limit: BranchNameLimit = { max: MAX_BRANCH_NAME, why: null }): NameCheck {
  if (!name) return { ok: false, reason: "Give the branch a name" };
  if (name.length > limit.max) return { ok: false, reason: `At most ${limit.max} characters${limit.why ? ` here: ${limit.why}` : ""}` };
  if (!/^[a-z0-9._/-]+$/.test(name)) {
    return { ok: false, reason: "Use lowercase letters, digits, -, _, . and / only" };
  }
  if (name === "main") return { ok: false, reason: '"main" is the RFC itself; pick another name' };
  const reserved = RESERVED_BRANCH_PREFIXES.find((p) => name.startsWith(p));
  if (reserved) return { ok: false, reason: `Names starting with "${reserved}" are reserved` };
  if (name.startsWith(HELPER_BRANCH_PREFIX)) return { ok: false, reason: `Names starting with "${HELPER_BRANCH_PREFIX}" are reserved` };
  if (name.includes("..")) return { ok: false, reason: 'A name may not contain ".."' };
  if (name.startsWith("/") || name.endsWith("/") || name.includes("//")) {
    return { ok: false, reason: "A name may not start or end with / or contain //" };
  }
  // Git refuses these components (git check-ref-format).
  if (name.split("/").some((part) => part.startsWith(".") || part.endsWith(".lock") || part.endsWith("."))) {
    return { ok: false, reason: 'A part of the name may not start or end with "." or end with ".lock"' };
  }
  return { ok: true };
}

/** What holds an RFC's document: the meta repo until graduation, then its own repo (§3). */
export type DocHome = { kind: "meta"; slug: string } | { kind: "rfc"; slug: string; repo: string };

/** The Git ref of a display name (§11): `edit/<slug>/<name>` for super-drafts, as is for active RFCs. */
export function gitRefOf(home: DocHome, name: string): string {
  if (name === "main" || home.kind === "rfc") return name;
  return metaBranch.edit(home.slug, name);
}

/** The display name of a Git ref, or null when the ref is not a branch of this RFC. */
export function displayNameOf(home: DocHome, ref: string): string | null {
  if (ref === "main") return "main";
  if (home.kind === "rfc") return ref.startsWith(HELPER_BRANCH_PREFIX) ? null : ref;
  const prefix = metaBranch.edit(home.slug, "");
  return ref.startsWith(prefix) && ref.length > prefix.length ? ref.slice(prefix.length) : null;
}

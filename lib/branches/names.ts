import { metaBranch, RESERVED_BRANCH_PREFIXES } from "@/lib/entries";

// §11 names a user picks for a branch, and where the branch lives in Git.

export const MAX_BRANCH_NAME = 64;

/** Short-lived branches Quorum makes for its own merges (merge-resolved.ts): never an RFC's branch. */
export const HELPER_BRANCH_PREFIX = "quorum/";

export type NameCheck = { ok: true } | { ok: false; reason: string };

export function checkBranchName(name: string): NameCheck {
  if (!name) return { ok: false, reason: "Give the branch a name" };
  if (name.length > MAX_BRANCH_NAME) return { ok: false, reason: `At most ${MAX_BRANCH_NAME} characters` };
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

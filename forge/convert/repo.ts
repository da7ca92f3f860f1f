import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gitDirOf, iso, type Forge } from "../forge";
import { accessMode } from "../perms";
import { repoUpdated } from "../repo-time";
import type { RepoRec, UserRec } from "../types";
import { ownerAsUser } from "./user";

/** A repository without branches is "empty" in Gitea. */
export function isEmptyRepo(gitDir: string): boolean {
  const heads = path.join(gitDir, "refs", "heads");
  const loose = existsSync(heads) && readdirSync(heads).length > 0;
  if (loose) return false;
  const packed = path.join(gitDir, "packed-refs");
  return !(existsSync(packed) && /refs\/heads\//.test(readFileSync(packed, "utf8")));
}

/** The Repository object of the REST API and webhook payloads. */
export async function toRepo(forge: Forge, repo: RepoRec, viewer: UserRec | null | "full") {
  const gitDir = gitDirOf(forge, repo);
  const full = `${repo.ownerName}/${repo.name}`;
  const mode = viewer === "full" ? "owner" : accessMode(forge, repo, viewer);
  const openPulls = forge.store.state.pulls.filter((p) => p.repoId === repo.id && p.state === "open").length;
  return {
    id: repo.id,
    owner: ownerAsUser(forge, repo.ownerId, viewer),
    name: repo.name,
    full_name: full,
    description: repo.description,
    empty: isEmptyRepo(gitDir),
    private: repo.private,
    fork: false,
    template: false,
    parent: null,
    mirror: false,
    size: 0,
    language: "",
    languages_url: `${forge.root}api/v1/repos/${full}/languages`,
    html_url: `${forge.root}${full}`,
    url: `${forge.root}api/v1/repos/${full}`,
    link: "",
    ssh_url: `git@127.0.0.1:${full}.git`,
    clone_url: `${forge.root}${full}.git`,
    original_url: "",
    website: "",
    stars_count: 0,
    forks_count: 0,
    watchers_count: 0,
    open_issues_count: 0,
    open_pr_counter: openPulls,
    release_counter: 0,
    default_branch: repo.defaultBranch,
    archived: repo.archived,
    created_at: iso(repo.created),
    updated_at: iso(await repoUpdated(forge, repo)),
    archived_at: iso(repo.archivedAt),
    permissions: { admin: ["admin", "owner"].includes(mode), push: ["write", "admin", "owner"].includes(mode), pull: mode !== "none" },
    has_issues: true,
    internal_tracker: { enable_time_tracker: true, allow_only_contributors_to_track_time: true, enable_issue_dependencies: true },
    has_wiki: true,
    has_pull_requests: true,
    has_projects: true,
    projects_mode: "all",
    has_releases: true,
    has_packages: true,
    has_actions: false,
    ignore_whitespace_conflicts: false,
    allow_merge_commits: true,
    allow_rebase: false, // the forge merges with Do=merge or squash (FORGE.md); other styles answer 405
    allow_rebase_explicit: false,
    allow_squash_merge: true,
    allow_fast_forward_only_merge: true,
    allow_rebase_update: true,
    default_delete_branch_after_merge: false,
    default_merge_style: "merge",
    default_allow_maintainer_edit: false,
    avatar_url: "",
    internal: false,
    mirror_interval: "",
    object_format_name: "sha1",
    mirror_updated: iso(0),
    repo_transfer: null,
  };
}

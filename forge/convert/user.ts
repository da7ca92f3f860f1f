import { createHash } from "node:crypto";
import { iso, type Forge } from "../forge";
import type { OrgRec, UserRec } from "../types";

// User and Organization objects as Gitea's services/convert/user.go builds them.

export const avatarUrl = (forge: Forge, email: string) =>
  `${forge.root}avatars/${createHash("md5").update(email.trim().toLowerCase()).digest("hex")}`;

/** Gitea's GitName: the full name when set, else the login. */
export const displayName = (u: UserRec) => u.fullName.trim() || u.login;

/**
 * `viewer` decides what is shown: anonymous callers never see emails, only the
 * user themself and site admins see is_admin and login details (toUser()).
 */
export function toUser(forge: Forge, u: UserRec, viewer: UserRec | null | "full") {
  const signed = viewer !== null;
  const authed = viewer === "full" || (viewer !== null && (viewer.isAdmin || viewer.id === u.id));
  return {
    id: u.id,
    login: u.login,
    login_name: "",
    source_id: 0,
    full_name: u.fullName,
    email: signed ? u.email : "",
    avatar_url: avatarUrl(forge, u.email),
    html_url: `${forge.root}${u.login}`,
    language: authed ? "en-US" : "",
    is_admin: authed ? u.isAdmin : false,
    last_login: iso(authed ? u.lastLogin : 0),
    created: iso(u.created),
    restricted: false,
    active: true,
    prohibit_login: false,
    location: "",
    website: "",
    description: "",
    visibility: "public",
    followers_count: 0,
    following_count: 0,
    starred_repos_count: 0,
    username: u.login,
  };
}

/** An org rendered as a User (Repository.owner, payload `organization`). */
export function orgAsUser(forge: Forge, o: OrgRec) {
  return {
    id: o.id,
    login: o.name,
    login_name: "",
    source_id: 0,
    full_name: o.fullName,
    email: "",
    avatar_url: avatarUrl(forge, `org-${o.id}`),
    html_url: `${forge.root}${o.name}`,
    language: "",
    is_admin: false,
    last_login: iso(0),
    created: iso(o.created),
    restricted: false,
    active: false,
    prohibit_login: false,
    location: "",
    website: "",
    description: o.description,
    visibility: o.visibility,
    followers_count: 0,
    following_count: 0,
    starred_repos_count: 0,
    username: o.name,
  };
}

export function toOrg(forge: Forge, o: OrgRec) {
  return {
    id: o.id,
    name: o.name,
    username: o.name,
    full_name: o.fullName,
    email: "",
    avatar_url: avatarUrl(forge, `org-${o.id}`),
    description: o.description,
    website: "",
    location: "",
    visibility: o.visibility,
    repo_admin_change_team_access: false,
  };
}

/** The owner of a repository (org or user) as a User object. */
export function ownerAsUser(forge: Forge, ownerId: number, viewer: UserRec | null | "full") {
  const org = forge.store.orgById(ownerId);
  if (org) return orgAsUser(forge, org);
  const user = forge.store.userById(ownerId);
  return user ? toUser(forge, user, viewer) : null;
}

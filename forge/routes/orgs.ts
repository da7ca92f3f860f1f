import { z } from "zod";
import { toOrg, toUser } from "../convert/user";
import { forbidden, intParam, json, noContent, notFound, parseBody, requireUser, unprocessable } from "../http";
import { paginate } from "../paging";
import { orgFor } from "../perms";
import { api } from "../route";
import type { OrgRec } from "../types";
import { checkName } from "./users";

// Organizations and their single "Owners" team (routers/api/v1/org). Every
// member is an owner: the creator, and anyone added with
// PUT /teams/{id}/members/{username}.

const CreateOrg = z.object({
  username: z.string().min(1),
  full_name: z.string().optional(),
  description: z.string().optional(),
  email: z.string().optional(),
  website: z.string().optional(),
  location: z.string().optional(),
  visibility: z.enum(["public", "limited", "private"]).optional(),
  repo_admin_change_team_access: z.boolean().optional(),
});

function ownersTeam(org: OrgRec, forgeOrg: ReturnType<typeof toOrg>) {
  return {
    id: org.teamId,
    name: "Owners",
    description: "",
    organization: forgeOrg,
    includes_all_repositories: true,
    permission: "owner",
    units: ["repo.code", "repo.issues", "repo.ext_issues", "repo.wiki", "repo.pulls", "repo.releases", "repo.projects", "repo.ext_wiki"],
    units_map: { "repo.code": "owner", "repo.issues": "owner", "repo.pulls": "owner", "repo.releases": "owner", "repo.wiki": "owner" },
    can_create_org_repo: true,
  };
}

export const orgRoutes = [
  api("POST", "/orgs", (ctx) => {
    const user = requireUser(ctx);
    const body = parseBody(ctx, CreateOrg);
    const { store } = ctx.forge;
    checkName(body.username);
    if (store.nameTaken(body.username)) throw unprocessable(`user already exists [name: ${body.username}]`);
    const org: OrgRec = {
      id: store.nextId("user"),
      name: body.username,
      fullName: body.full_name ?? "",
      description: body.description ?? "",
      visibility: body.visibility ?? "public",
      teamId: store.nextId("team"),
      members: [user.id],
      created: Date.now(),
    };
    store.state.orgs.push(org);
    store.save();
    return json(201, toOrg(ctx.forge, org));
  }, ["organization"]),

  api("GET", "/orgs/{org}", (ctx) => json(200, toOrg(ctx.forge, orgFor(ctx, false))), ["organization"]),

  api("GET", "/orgs/{org}/teams", (ctx) => {
    const org = orgFor(ctx, false);
    requireUser(ctx);
    return json(200, [ownersTeam(org, toOrg(ctx.forge, org))], { "X-Total-Count": "1" });
  }, ["organization"]),

  api("GET", "/orgs/{org}/members", (ctx) => {
    const org = orgFor(ctx, false);
    const members = org.members.map((id) => ctx.forge.store.userById(id)).filter((u) => u !== undefined);
    const { items, headers } = paginate(ctx, members);
    return json(200, items.map((u) => toUser(ctx.forge, u, ctx.auth.user)), headers);
  }, ["organization"]),

  api("PUT", "/teams/{id}/members/{username}", (ctx) => {
    const caller = requireUser(ctx);
    const { store } = ctx.forge;
    const org = store.state.orgs.find((o) => o.teamId === intParam(ctx, "id"));
    if (!org) throw notFound();
    if (!caller.isAdmin && !org.members.includes(caller.id)) throw forbidden("Must be an organization owner");
    const user = store.userByName(ctx.params.username);
    if (!user) throw notFound();
    if (!org.members.includes(user.id)) org.members.push(user.id);
    store.save();
    return noContent();
  }, ["organization"]),
];

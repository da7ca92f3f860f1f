import { z } from "zod";
import { iso } from "../forge";
import { intParam, json, noContent, notFound, parseBody, unprocessable, type Ctx } from "../http";
import { paginate } from "../paging";
import { orgFor, repoFor } from "../perms";
import { api } from "../route";
import type { HookRec } from "../types";
import { expandEvents } from "../webhook-events";

// Org and repo webhooks (FACTS §3, routers/api/v1/utils/hook.go): `active`
// defaults to false, `events` to ["push"]; config.url and config.content_type
// are required (422); the secret is never returned.

const TYPES = ["dingtalk", "discord", "gitea", "gogs", "msteams", "slack", "telegram", "feishu", "wechatwork", "packagist"];

const CreateHook = z.object({
  type: z.string({ error: "Required" }),
  config: z.record(z.string(), z.string(), { error: "Required" }),
  events: z.array(z.string()).optional(),
  branch_filter: z.string().optional(),
  authorization_header: z.string().optional(),
  active: z.boolean().optional(),
});

const EditHook = CreateHook.partial().omit({ type: true });

export const toHook = (h: HookRec) => ({
  id: h.id,
  type: h.type,
  branch_filter: h.branchFilter,
  config: { content_type: h.contentType, url: h.url },
  events: h.events,
  authorization_header: "",
  active: h.active,
  updated_at: iso(h.updated),
  created_at: iso(h.created),
});

function checkConfig(config: Record<string, string>): void {
  for (const name of ["url", "content_type"]) if (!(name in config)) throw unprocessable(`Missing config option: ${name}`);
  if (!["json", "form"].includes(config.content_type)) throw unprocessable("Invalid content type");
  if (!URL.canParse(config.url)) throw unprocessable(`Invalid url: ${config.url}`);
}

function createHook(ctx: Ctx, owner: { repoId: number | null; orgId: number | null }) {
  const body = parseBody(ctx, CreateHook);
  if (!TYPES.includes(body.type)) throw unprocessable("Invalid hook type");
  checkConfig(body.config);
  const { store } = ctx.forge;
  const now = Date.now();
  const hook: HookRec = {
    id: store.nextId("hook"),
    ...owner,
    type: body.type,
    url: body.config.url,
    contentType: body.config.content_type as "json" | "form",
    secret: body.config.secret ?? "",
    events: expandEvents(body.events),
    active: body.active ?? false,
    branchFilter: body.branch_filter ?? "",
    authorizationHeader: body.authorization_header ?? "",
    created: now,
    updated: now,
  };
  store.state.hooks.push(hook);
  store.save();
  return json(201, toHook(hook));
}

function editHook(ctx: Ctx, hook: HookRec) {
  const body = parseBody(ctx, EditHook);
  if (body.config) {
    const merged = { url: hook.url, content_type: hook.contentType, ...body.config };
    checkConfig(merged);
    Object.assign(hook, { url: merged.url, contentType: merged.content_type, secret: body.config.secret ?? hook.secret });
  }
  if (body.events) hook.events = expandEvents(body.events);
  if (body.active !== undefined) hook.active = body.active;
  if (body.branch_filter !== undefined) hook.branchFilter = body.branch_filter;
  if (body.authorization_header !== undefined) hook.authorizationHeader = body.authorization_header;
  hook.updated = Date.now();
  ctx.forge.store.save();
  return json(200, toHook(hook));
}

/** The hooks of the org or repo in the path (org owner / repo writer only). */
function scopeOf(ctx: Ctx): (h: HookRec) => boolean {
  if (ctx.params.org !== undefined) {
    const org = orgFor(ctx, true);
    return (h) => h.orgId === org.id;
  }
  const { repo } = repoFor(ctx, "admin", { allowArchived: true });
  return (h) => h.repoId === repo.id;
}

function oneHook(ctx: Ctx): HookRec {
  const id = intParam(ctx, "id");
  const hook = ctx.forge.store.state.hooks.find((h) => h.id === id && scopeOf(ctx)(h));
  if (!hook) throw notFound();
  return hook;
}

function hookRoutes(prefix: string, scope: "organization" | "repository") {
  return [
    api("POST", prefix, (ctx) => {
      scopeOf(ctx);
      const org = ctx.params.org !== undefined ? orgFor(ctx, true) : null;
      const repo = org ? null : repoFor(ctx, "admin", { allowArchived: true }).repo;
      return createHook(ctx, { orgId: org?.id ?? null, repoId: repo?.id ?? null });
    }, [scope]),
    api("GET", prefix, (ctx) => {
      const { items, headers } = paginate(ctx, ctx.forge.store.state.hooks.filter(scopeOf(ctx)));
      return json(200, items.map(toHook), headers);
    }, [scope]),
    api("GET", `${prefix}/{id}`, (ctx) => json(200, toHook(oneHook(ctx))), [scope]),
    api("PATCH", `${prefix}/{id}`, (ctx) => editHook(ctx, oneHook(ctx)), [scope]),
    api("DELETE", `${prefix}/{id}`, (ctx) => {
      const hook = oneHook(ctx);
      ctx.forge.store.state.hooks = ctx.forge.store.state.hooks.filter((h) => h !== hook);
      ctx.forge.store.save();
      return noContent();
    }, [scope]),
  ];
}

export const hookRouteList = [...hookRoutes("/orgs/{org}/hooks", "organization"), ...hookRoutes("/repos/{owner}/{repo}/hooks", "repository")];

import { z } from "zod";
import { WEBHOOK_ORDERS } from "./behaviour";
import { bulkRepos } from "./bulk-repos";
import { FAULT_PHASES } from "./faults";
import { intParam, json, noContent, notFound, parseBody, requireAdmin, type Ctx, type Reply } from "./http";
import { route, type Handler } from "./route";
import { sha256 } from "./store";

// Test-only admin routes under /_forge (site-admin token required; not
// counted in the request log, never faulted).

const FaultBody = z.object({
  method: z.string().optional(),
  path: z.string().min(1),
  nth: z.number().int().min(1).optional(),
  status: z.number().int().min(100).max(599).optional(),
  message: z.string().optional(),
  delayMs: z.number().int().min(0).optional(),
  times: z.number().int().min(1).optional(),
  corrupt: z.boolean().optional(),
  bodyIncludes: z.string().min(1).optional(),
  phase: z.enum(FAULT_PHASES).optional(),
  hold: z.boolean().optional(),
});

const RevokeBody = z.object({ token: z.string().min(1) });

const BehaviourBody = z.object({
  mergeCheckMs: z.number().int().min(0).max(600_000).optional(),
  webhookOrder: z.enum(WEBHOOK_ORDERS).optional(),
});

const behaviour = (ctx: Ctx) => json(200, { gitea: ctx.forge.gitea, ...ctx.forge.behaviour });

const admin = (method: string, path: string, handler: Handler) =>
  route(method, `/_forge${path}`, (ctx) => {
    requireAdmin(ctx);
    return handler(ctx);
  }, { admin: true });

function deliveries(ctx: Ctx): Reply {
  const event = ctx.query.get("event");
  const list = ctx.forge.webhooks.log
    .filter((d) => !event || d.event === event || d.event_type === event)
    .map(({ body, ...d }) => ({ ...d, payload: JSON.parse(body) as unknown }));
  return json(200, list);
}

function revoke(ctx: Ctx): Reply {
  const { token } = parseBody(ctx, RevokeBody);
  const { store } = ctx.forge;
  const hash = sha256(token);
  const before = store.state.tokens.length + store.state.oauthTokens.length;
  store.state.tokens = store.state.tokens.filter((t) => t.hash !== hash);
  store.state.oauthTokens = store.state.oauthTokens.filter((t) => t.accessHash !== hash && t.refreshHash !== hash);
  const revoked = before - store.state.tokens.length - store.state.oauthTokens.length;
  store.save();
  return json(200, { revoked });
}

export const adminRoutes = [
  admin("GET", "/requests", (ctx) => {
    const { counts, total, log } = ctx.forge.requests;
    return json(200, { total, counts, log });
  }),
  admin("POST", "/requests/reset", (ctx) => {
    ctx.forge.requests.reset();
    return noContent();
  }),
  admin("GET", "/faults", (ctx) => json(200, ctx.forge.faults.all())),
  admin("POST", "/faults", (ctx) => {
    const fault = ctx.forge.faults.add(parseBody(ctx, FaultBody));
    return json(201, { id: fault.id });
  }),
  admin("POST", "/faults/{id}/release", (ctx) => {
    if (!ctx.forge.faults.release(intParam(ctx, "id"))) throw notFound();
    return noContent();
  }),
  admin("DELETE", "/faults", (ctx) => {
    ctx.forge.faults.clear();
    return noContent();
  }),
  admin("GET", "/deliveries", deliveries),
  admin("POST", "/deliveries/reset", (ctx) => {
    ctx.forge.webhooks.clear();
    return noContent();
  }),
  admin("POST", "/webhooks/pause", (ctx) => {
    ctx.forge.webhooks.paused = true;
    return noContent();
  }),
  admin("POST", "/webhooks/resume", (ctx) => {
    ctx.forge.webhooks.paused = false;
    return noContent();
  }),
  admin("POST", "/webhooks/flush", async (ctx) => {
    await ctx.forge.webhooks.flush();
    return noContent();
  }),
  admin("POST", "/tokens/revoke", revoke),
  admin("GET", "/behaviour", behaviour),
  admin("PATCH", "/behaviour", (ctx) => {
    Object.assign(ctx.forge.behaviour, parseBody(ctx, BehaviourBody));
    return behaviour(ctx);
  }),
  route("POST", "/_forge/bulk/repos", (ctx) => bulkRepos(ctx, requireAdmin(ctx)), { admin: true }),
  admin("POST", "/checks/drain", async (ctx) => {
    await ctx.forge.pullQueue.drain();
    return noContent();
  }),
];

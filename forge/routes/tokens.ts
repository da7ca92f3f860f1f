import { z } from "zod";
import { newToken, validScope } from "../auth";
import { HttpError, json, noContent, notFound, parseBody, requireUser, type Ctx } from "../http";
import { paginate } from "../paging";
import { api } from "../route";
import { sha256 } from "../store";
import type { TokenRec, UserRec } from "../types";

// /users/{username}/tokens (routers/api/v1/user/app.go): HTTP Basic as the
// user (Gitea's reqBasicOrRevProxyAuth), or a site admin.

function tokenOwner(ctx: Ctx): UserRec {
  const caller = requireUser(ctx);
  const owner = ctx.forge.store.userByName(ctx.params.username);
  if (caller.isAdmin) {
    if (!owner) throw notFound();
    return owner;
  }
  if (ctx.auth.kind !== "basic") throw new HttpError(401, "auth required");
  if (!owner || owner.id !== caller.id) throw new HttpError(403, "user should be the owner of the token");
  return owner;
}

const CreateToken = z.object({ name: z.string().min(1), scopes: z.array(z.string()).optional() });

export function issueToken(ctx: Ctx, user: UserRec, name: string, scopes: string[]): { rec: TokenRec; token: string } {
  const { store } = ctx.forge;
  const token = newToken();
  const rec: TokenRec = {
    id: store.nextId("token"),
    userId: user.id,
    name,
    hash: sha256(token),
    lastEight: token.slice(-8),
    scopes,
    created: Date.now(),
  };
  store.state.tokens.push(rec);
  store.save();
  return { rec, token };
}

const view = (t: TokenRec, sha1 = "") => ({ id: t.id, name: t.name, sha1, token_last_eight: t.lastEight, scopes: t.scopes });

export const tokenRoutes = [
  api("POST", "/users/{username}/tokens", (ctx) => {
    const owner = tokenOwner(ctx);
    const body = parseBody(ctx, CreateToken);
    const { store } = ctx.forge;
    if (store.state.tokens.some((t) => t.userId === owner.id && t.name === body.name)) {
      throw new HttpError(400, "access token name has been used already");
    }
    const scopes = [...new Set((body.scopes ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))];
    const bad = scopes.find((s) => !validScope(s));
    if (bad) throw new HttpError(400, `invalid access token scope provided: ${bad}`);
    if (!scopes.length) throw new HttpError(400, "access token must have a scope");
    const { rec, token } = issueToken(ctx, owner, body.name, scopes);
    return json(201, view(rec, token));
  }, ["user"]),

  api("GET", "/users/{username}/tokens", (ctx) => {
    const owner = tokenOwner(ctx);
    const { items, headers } = paginate(ctx, ctx.forge.store.state.tokens.filter((t) => t.userId === owner.id));
    return json(200, items.map((t) => view(t)), headers);
  }, ["user"]),

  api("DELETE", "/users/{username}/tokens/{token}", (ctx) => {
    const owner = tokenOwner(ctx);
    const { store } = ctx.forge;
    const key = ctx.params.token;
    const matches = store.state.tokens.filter((t) => t.userId === owner.id && (String(t.id) === key || t.name === key));
    if (!matches.length) throw notFound();
    if (matches.length > 1) throw new HttpError(422, "multiple matches for token name, use the token id");
    store.state.tokens = store.state.tokens.filter((t) => t !== matches[0]);
    store.save();
    return noContent();
  }, ["user"]),
];

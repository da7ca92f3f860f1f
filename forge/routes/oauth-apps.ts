import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { iso } from "../forge";
import { HttpError, intParam, json, noContent, notFound, parseBody, requireUser, type Ctx } from "../http";
import { paginate } from "../paging";
import { api } from "../route";
import { sha256 } from "../store";
import type { OAuthAppRec } from "../types";

// /user/applications/oauth2 (FACTS §4): the secret is returned in plain text
// only on creation.

const CreateApp = z.object({
  name: z.string().min(1),
  redirect_uris: z.array(z.string()).min(1),
  confidential_client: z.boolean().optional(),
});

const view = (a: OAuthAppRec, secret = "") => ({
  id: a.id,
  name: a.name,
  client_id: a.clientId,
  client_secret: secret,
  redirect_uris: a.redirectUris,
  confidential_client: a.confidential,
  created: iso(a.created),
});

function ownApp(ctx: Ctx): OAuthAppRec {
  const user = requireUser(ctx);
  const id = intParam(ctx, "id");
  const app = ctx.forge.store.state.apps.find((a) => a.id === id && a.ownerId === user.id);
  if (!app) throw notFound();
  return app;
}

export const oauthAppRoutes = [
  api("POST", "/user/applications/oauth2", (ctx) => {
    const user = requireUser(ctx);
    const body = parseBody(ctx, CreateApp);
    for (const uri of body.redirect_uris) {
      if (!URL.canParse(uri)) throw new HttpError(400, `invalid redirect URI: ${uri}`);
    }
    const { store } = ctx.forge;
    const secret = `gto_${randomBytes(26).toString("hex")}`;
    const app: OAuthAppRec = {
      id: store.nextId("oauth_app"),
      ownerId: user.id,
      name: body.name,
      clientId: randomUUID(),
      secretHash: sha256(secret),
      redirectUris: body.redirect_uris,
      confidential: body.confidential_client ?? true,
      created: Date.now(),
    };
    store.state.apps.push(app);
    store.save();
    return json(201, view(app, secret));
  }, ["user"]),

  api("GET", "/user/applications/oauth2", (ctx) => {
    const user = requireUser(ctx);
    const { items, headers } = paginate(ctx, ctx.forge.store.state.apps.filter((a) => a.ownerId === user.id));
    return json(200, items.map((a) => view(a)), headers);
  }, ["user"]),

  api("GET", "/user/applications/oauth2/{id}", (ctx) => json(200, view(ownApp(ctx))), ["user"]),

  api("DELETE", "/user/applications/oauth2/{id}", (ctx) => {
    const app = ownApp(ctx);
    const { store } = ctx.forge;
    store.state.apps = store.state.apps.filter((a) => a !== app);
    store.state.oauthTokens = store.state.oauthTokens.filter((t) => t.appId !== app.id);
    store.save();
    return noContent();
  }, ["user"]),
];

import { z } from "zod";
import { hashPassword } from "../auth";
import { orgAsUser, toUser } from "../convert/user";
import { HttpError, json, notFound, parseBody, requireAdmin, requireUser, unprocessable, type Ctx } from "../http";
import { api } from "../route";
import type { UserRec } from "../types";

// GET /user, GET /users/{username}, POST /admin/users (routers/api/v1/admin/user.go).

const RESERVED = new Set(
  ["admin", "api", "assets", "avatars", "captcha", "commits", "debug", "error", "explore", "favicon.ico", "ghost", "help",
    "install", "issues", "less", "login", "manifest.json", "metrics", "milestones", "new", "notifications", "org", "pulls",
    "raw", "repo", "robots.txt", "search", "serviceworker.js", "site", "stars", "template", "user", "v2", "_forge", ".well-known"],
);

/** Gitea's username rule: alphanumerics, dash, underscore, dot; no leading/trailing or doubled punctuation. */
export function checkName(name: string): void {
  if (!/^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,38}[a-zA-Z0-9])?$/.test(name) || /[._-]{2}/.test(name)) {
    throw unprocessable(`[Username]: invalid username [name: ${name}]`);
  }
  if (RESERVED.has(name.toLowerCase())) throw unprocessable(`name is reserved [name: ${name}]`);
}

const CreateUser = z.object({
  username: z.string().min(1),
  email: z.string().email(),
  password: z.string().optional(),
  full_name: z.string().optional(),
  login_name: z.string().optional(),
  must_change_password: z.boolean().optional(),
  visibility: z.string().optional(),
  restricted: z.boolean().optional(),
  send_notify: z.boolean().optional(),
  source_id: z.number().optional(),
  created_at: z.string().optional(),
});

export function createUser(ctx: Ctx, input: z.infer<typeof CreateUser>, isAdmin = false): UserRec {
  const { store } = ctx.forge;
  checkName(input.username);
  if (store.nameTaken(input.username)) throw unprocessable(`user already exists [name: ${input.username}]`);
  if (store.userByEmail(input.email)) throw unprocessable(`e-mail already in use [email: ${input.email}]`);
  if ((input.password ?? "").length < 8) throw new HttpError(400, "PasswordIsRequired");
  const now = Date.now();
  const user: UserRec = {
    id: store.nextId("user"),
    login: input.username,
    email: input.email,
    fullName: input.full_name ?? "",
    passwordHash: hashPassword(input.password ?? ""),
    isAdmin,
    mustChangePassword: input.must_change_password ?? true,
    created: now,
    lastLogin: 0,
  };
  store.state.users.push(user);
  store.save();
  return user;
}

export const userRoutes = [
  api("GET", "/user", (ctx) => {
    const user = requireUser(ctx);
    return json(200, toUser(ctx.forge, user, user));
  }, ["user"]),

  api("GET", "/users/{username}", (ctx) => {
    const { store } = ctx.forge;
    const user = store.userByName(ctx.params.username);
    if (user) return json(200, toUser(ctx.forge, user, ctx.auth.user));
    const org = store.orgByName(ctx.params.username);
    if (org && org.visibility === "public") return json(200, orgAsUser(ctx.forge, org));
    throw notFound();
  }, ["user"]),

  api("POST", "/admin/users", (ctx) => {
    requireAdmin(ctx);
    const user = createUser(ctx, parseBody(ctx, CreateUser));
    return json(201, toUser(ctx.forge, user, "full"));
  }, ["admin"]),
];

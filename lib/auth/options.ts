import type { AuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { upsertGiteaUser, type GiteaProfile } from "@/lib/db/users";
import { safeCallbackPath } from "./callback-url";
import type { QuorumJwt } from "./session";

// next-auth v4 signing in through Gitea's OAuth2 provider (STACK.md "next-auth
// and Gitea"). The same code runs against the local forge and a real Gitea:
// only the environment differs. The browser goes to GITEA_PUBLIC_URL; the
// server talks to GITEA_URL. JWT sessions, no adapter: our own `users` row is
// written in the jwt callback, and the claims session.ts reads go in the JWT.

export const SESSION_MAX_AGE_S = 7 * 24 * 3600;

// Gitea's `GET /api/v1/user` (swagger `User`): what sign-in reads.
const profileSchema = z.object({
  id: z.number().int().positive(),
  login: z.string().min(1),
  full_name: z.string().optional(),
  email: z.string().optional(),
  avatar_url: z.string().optional(),
});

export function giteaProvider(): OAuthConfig<GiteaProfile> {
  const cfg = getConfig();
  return {
    id: "gitea",
    name: "Gitea",
    type: "oauth",
    // read:user is all the app needs from the person's token: it only checks
    // that the authorization still holds (gitea-token-check.ts); writes go
    // through the bot (§6.5).
    authorization: { url: `${cfg.giteaPublicUrl}/login/oauth/authorize`, params: { scope: "read:user" } },
    token: `${cfg.giteaUrl}/login/oauth/access_token`,
    userinfo: `${cfg.giteaUrl}/api/v1/user`,
    checks: ["pkce", "state"],
    // openid-client's token and userinfo requests get the same deadline as every other Gitea call.
    httpOptions: { timeout: cfg.giteaTimeoutMs },
    clientId: cfg.oauthClientId,
    clientSecret: cfg.oauthClientSecret,
    profile(raw) {
      const p = profileSchema.parse(raw);
      return { id: String(p.id), name: p.full_name || p.login, email: p.email ?? null, image: p.avatar_url ?? null };
    },
  };
}

/** The claims for a fresh sign-in: upserts the users row (§1, §5). */
export async function claimsForSignIn(
  rawProfile: unknown,
  account: { access_token?: string; refresh_token?: string; expires_at?: number },
): Promise<QuorumJwt> {
  const profile = profileSchema.parse(rawProfile);
  if (!account.access_token) throw new Error("Gitea returned no access token");
  const user = await upsertGiteaUser({ profile });
  return {
    uid: user.id,
    login: user.login,
    giteaToken: account.access_token,
    giteaRefreshToken: account.refresh_token,
    giteaTokenExpiresAt: account.expires_at,
  };
}

export function authOptions(): AuthOptions {
  const cfg = getConfig();
  return {
    secret: cfg.nextAuthSecret,
    providers: [giteaProvider()],
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async jwt({ token, account, profile }) {
        if (!account || !profile) return token; // a later read of an existing session
        const claims = await claimsForSignIn(profile, account);
        return { name: token.name, email: token.email, picture: token.picture, sub: token.sub, ...claims };
      },
      // What /api/auth/session shows the browser: never the Gitea tokens.
      async session({ session, token }) {
        const t = token as QuorumJwt;
        return { ...session, user: { ...session.user, login: t.login } } as typeof session;
      },
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
    },
  };
}

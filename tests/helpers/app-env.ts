import type { TestForge } from "./forge";

/**
 * Points the app's configuration (lib/config.ts) at a test forge. The app
 * itself runs in-process in integration tests; webhooks reach it through
 * tests/helpers/app-server.ts when a test needs them.
 */
export function useAppEnv(forge: TestForge, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    GITEA_URL: forge.url,
    GITEA_BOT_USER: forge.botUser,
    GITEA_BOT_TOKEN: forge.botToken,
    GITEA_ORG: forge.org,
    META_REPO: forge.metaRepo,
    GITEA_OAUTH_CLIENT_ID: forge.oauthClientId,
    GITEA_OAUTH_CLIENT_SECRET: forge.oauthClientSecret,
    WEBHOOK_SECRET: forge.webhookSecret,
    NEXTAUTH_URL: forge.appUrl,
    NEXTAUTH_SECRET: "test-secret-test-secret-test-secret",
    ADMIN_LOGINS: "carol",
    RECONCILE_INTERVAL_S: "300",
    ...extra,
  });
}

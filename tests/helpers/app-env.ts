import { appEnvFor } from "@/forge/bootstrap";
import type { TestForge } from "./forge";

/**
 * Points the app's configuration (lib/config.ts) at a test forge. The app
 * itself runs in-process in integration tests; webhooks reach it through
 * tests/helpers/app-server.ts when a test needs them.
 */
export function useAppEnv(forge: TestForge, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    ...appEnvFor(forge),
    NEXTAUTH_URL: forge.appUrl,
    NEXTAUTH_SECRET: "test-secret-test-secret-test-secret",
    ADMIN_LOGINS: "carol",
    RECONCILE_INTERVAL_S: "300",
    ...extra,
  });
}

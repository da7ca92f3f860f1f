// Runs once when the Next.js server starts (STYLE.md "Background work").
export async function register(): Promise<void> {
  // The Node-only imports sit inside this positive check so the Edge bundle
  // drops them (an early `return` leaves them in and breaks `next build`).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { ConfigError, getConfig } = await import("@/lib/config");
    // A missing or malformed variable stops the app here with one message (§16);
    // Next itself would log the error and keep serving 500s.
    try {
      getConfig();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      console.error(err.message);
      process.exit(1);
    }
    // §4 reconciler: a startup sweep, then one every RECONCILE_INTERVAL_S (not while `next build` prerenders).
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { startReconciler } = await import("@/lib/cache/start");
    startReconciler();
  }
}

// Runs once when the Next.js server starts (STYLE.md "Background work").
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("@/lib/config");
  // A missing or malformed variable stops the app here with one message (§16).
  getConfig();
}

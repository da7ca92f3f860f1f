// Runs a notification's lookups so that they, too, never fail the action
// that caused it (`notify` itself never throws): a failure is logged.
export async function guarded(what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    console.error(`[quorum] notification (${what}) not written:`, err);
  }
}

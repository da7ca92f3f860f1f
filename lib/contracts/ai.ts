/** GET /api/ai/status (§18): with no provider the AI controls are disabled and `reason` says why. */
export type AiStatus = {
  enabled: boolean;
  reason: string | null;
  /** For admins only, when the AI is off: what to set on the server to turn it on. */
  setup: string | null;
  models: { id: string; label: string }[];
  defaultModelId: string | null;
};

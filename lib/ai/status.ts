import { getConfig } from "@/lib/config";

// §18: what the prompt bar needs to know. With no provider the AI controls
// stay visible but disabled, with `reason` shown next to them; human chat
// works either way.

export type AiStatus =
  | { enabled: false; reason: string; models: []; defaultModel: null; defaultModelId: null }
  | { enabled: true; reason: null; models: { id: string; label: string }[]; defaultModel: string; defaultModelId: string };

export function aiStatus(): AiStatus {
  const settings = getConfig().ai;
  if (!settings.enabled) return { enabled: false, reason: settings.reason, models: [], defaultModel: null, defaultModelId: null };
  return {
    enabled: true,
    reason: null,
    models: settings.models.map((m) => ({ id: m.id, label: `${m.model} (${m.providerLabel})` })),
    // Both spellings: docs/API.md says defaultModel, the RFC view's hook reads defaultModelId.
    defaultModel: settings.defaultModelId,
    defaultModelId: settings.defaultModelId,
  };
}

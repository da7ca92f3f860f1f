import type { AiStatus } from "@/lib/contracts";
import { getConfig } from "@/lib/config";

// §18: what the prompt bar needs to know. With no provider the AI controls
// stay visible but disabled, with `reason` shown next to them; human chat
// works either way.


export function aiStatus(): AiStatus {
  const settings = getConfig().ai;
  if (!settings.enabled) return { enabled: false, reason: settings.reason, models: [], defaultModelId: null };
  return {
    enabled: true,
    reason: null,
    models: settings.models.map((m) => ({ id: m.id, label: `${m.model} (${m.providerLabel})` })),
    defaultModelId: settings.defaultModelId,
  };
}

import type { AiStatus } from "@/lib/contracts";
import { getConfig } from "@/lib/config";
import { AI_OFF_FOR_USERS } from "./models";

// §18: what the prompt bar needs to know. With no provider the AI controls
// stay visible but disabled, with `reason` shown next to them; human chat
// works either way. Environment variables mean nothing to a reader or a
// contributor, who can only ask an admin: only admins get `setup`, which
// says what to set on the server.

export function aiStatus(viewer: { role: string } | null): AiStatus {
  const settings = getConfig().ai;
  if (!settings.enabled) {
    const admin = viewer?.role === "admin" || viewer?.role === "owner";
    return { enabled: false, reason: AI_OFF_FOR_USERS, setup: admin ? settings.reason : null, models: [], defaultModelId: null };
  }
  return {
    enabled: true,
    reason: null,
    setup: null,
    models: settings.models.map((m) => ({ id: m.id, label: `${m.model} (${m.providerLabel})` })),
    defaultModelId: settings.defaultModelId,
  };
}

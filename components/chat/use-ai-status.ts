"use client";

import type { AiStatus } from "@/lib/contracts";
import { useResource } from "@/components/rfc/use-resource";

// §18: with no provider configured the AI controls are disabled with a
// visible explanation. Until /api/ai/status answers, the AI counts as not
// configured (human chat works regardless).

const OFF: AiStatus = { enabled: false, reason: null, setup: null, models: [], defaultModelId: null };

export function useAiStatus(initial?: AiStatus): AiStatus {
  const r = useResource<AiStatus>(initial ? null : "/api/ai/status");
  return initial ?? r.data ?? OFF;
}

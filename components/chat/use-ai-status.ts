"use client";

import { useEffect, useState } from "react";
import { api } from "@/components/rfc/api";
import type { AiStatus } from "@/lib/contracts";

// §18: with no provider configured the AI controls are disabled with a
// visible explanation. The AI issue serves /api/ai/status; until it answers,
// the AI counts as not configured (human chat works regardless).


const OFF: AiStatus = { enabled: false, reason: "AI is not configured", models: [], defaultModelId: null };

export function useAiStatus(initial?: AiStatus): AiStatus {
  const [status, setStatus] = useState<AiStatus>(initial ?? OFF);
  useEffect(() => {
    if (initial) return;
    let live = true;
    void api<Partial<AiStatus> & { enabled?: boolean }>("/api/ai/status").then((r) => {
      if (!live || !r.ok) return;
      if (!r.data?.enabled) return setStatus({ ...OFF, reason: r.data?.reason ?? OFF.reason });
      setStatus({ enabled: true, reason: null, models: r.data.models ?? [], defaultModelId: r.data.defaultModelId ?? null });
    });
    return () => {
      live = false;
    };
  }, [initial]);
  return status;
}

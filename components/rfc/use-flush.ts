"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { FlushAnswer } from "@/lib/contracts";
import { createFlushScheduler, type FlushScheduler, type FlushSnapshot, type SendResult } from "@/lib/rfc-view/flush-scheduler";
import { api, paths, request } from "@/lib/client/api";

// §8.11 wiring of the flush scheduler: POST …/flush after a pause, on blur,
// on Save; on leaving the page a keepalive request so the last words reach
// Git even as the tab closes. A 409 is a conflict the user settles.

type Args = {
  slug: string;
  branch: string;
  initial: { baseSha: string; text: string };
  getText: () => string;
  onSaved: (a: { text: string; headSha: string; staleChangeIds: string[] }) => void;
};

export type FlushControls = Pick<FlushScheduler, "changed" | "flushNow" | "rebase">;

function sendOnExit(s: FlushScheduler, url: string): void {
  const pending = s.pendingForUnload();
  if (!pending) return;
  const body = JSON.stringify(pending);
  // keepalive lets the request outlive the page, for bodies up to 64 KiB.
  if (body.length > 60_000) return void s.flushNow();
  void request(url, { method: "POST", keepalive: true, json: pending }).catch(() => undefined);
}

export function useFlush({ slug, branch, initial, getText, onSaved }: Args): { snap: FlushSnapshot; controls: FlushControls } {
  const url = `${paths.branch(slug, branch)}/flush`;
  const latest = useRef({ getText, onSaved, initial });
  latest.current = { getText, onSaved, initial };
  const [snap, setSnap] = useState<FlushSnapshot>({ status: "saved", baseSha: initial.baseSha, savedText: initial.text, error: null, conflict: null });
  const current = useRef<FlushScheduler | null>(null);

  useEffect(() => {
    // Created here (not during render) so a remount gets a fresh scheduler.
    const s = createFlushScheduler(latest.current.initial, {
      getText: () => latest.current.getText(),
      onChange: setSnap,
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (h) => window.clearTimeout(h as number),
      send: async (baseSha, text): Promise<SendResult> => {
        const r = await api<FlushAnswer>(url, { method: "POST", json: { baseSha, text } });
        if (r.ok) {
          latest.current.onSaved({ text, headSha: r.data.headSha, staleChangeIds: r.data.staleChangeIds ?? [] });
          return { kind: "ok", headSha: r.data.headSha };
        }
        const d = r.details as { headSha?: string; text?: string } | undefined;
        if (r.status === 409 && d && typeof d.headSha === "string") return { kind: "conflict", headSha: d.headSha, text: d.text ?? "" };
        return { kind: "error", message: r.message };
      },
    });
    current.current = s;
    const onHide = () => sendOnExit(s, url);
    // Switching tabs keeps the page alive: an ordinary flush, so the new head is known.
    const onVisibility = () => {
      if (document.visibilityState === "hidden") void s.flushNow();
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      sendOnExit(s, url); // leaving contribute mode or the branch inside the app
      s.dispose();
      if (current.current === s) current.current = null;
    };
  }, [url]);

  const controls = useMemo<FlushControls>(
    () => ({
      changed: () => current.current?.changed(),
      flushNow: () => current.current?.flushNow() ?? Promise.resolve(),
      rebase: (sha, text) => current.current?.rebase(sha, text),
    }),
    [],
  );
  return { snap, controls };
}

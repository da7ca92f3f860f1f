"use client";

import { useEffect, useRef } from "react";
import type { Change } from "@/lib/contracts";

// An accepted change is a new commit on the branch (§8.9): whoever accepted
// it — this tab, another tab, another person (the change list follows the
// thread's events) — the document shown must be read again, or the editor
// would keep the old text and its next flush would be refused as out of date.

export function useReloadOnAccept(changes: Change[] | null, reload: () => void): void {
  const key = changes ? changes.filter((c) => c.status === "accepted").map((c) => c.commitSha ?? c.id).join(",") : null;
  const seen = useRef<string | null>(null);
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    if (key === null) return; // the list has not loaded yet
    if (seen.current !== null && seen.current !== key) latest.current();
    seen.current = key;
  }, [key]);
}

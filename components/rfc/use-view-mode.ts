"use client";

import { useCallback, useState, type RefObject } from "react";
import type { EditorPaneHandle } from "./editor-pane";

// §8.3 discuss / contribute. Leaving contribute saves first; a conflict keeps
// the editor open (§8.11: never lose typed text). The mode is kept in the URL
// (?mode=contribute) so a reload returns to it.

export type Mode = "discuss" | "contribute";

export function useViewMode(canEdit: boolean, initial: Mode, editor: RefObject<EditorPaneHandle | null>) {
  const [mode, setModeState] = useState<Mode>(canEdit ? initial : "discuss");
  const [notice, setNotice] = useState<string | null>(null);
  const setMode = useCallback(
    async (m: Mode) => {
      if (m === "contribute" && !canEdit) return;
      if (m === "discuss" && editor.current) {
        if (editor.current.status() === "conflict") return setNotice("Settle the conflict above before leaving the editor.");
        await editor.current.save();
      }
      setNotice(null);
      setModeState(m);
      const url = new URL(window.location.href);
      if (m === "contribute") url.searchParams.set("mode", "contribute");
      else url.searchParams.delete("mode");
      window.history.replaceState(null, "", url);
    },
    [canEdit, editor],
  );
  return { mode, setMode, notice };
}

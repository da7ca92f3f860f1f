"use client";

import { useState } from "react";
import { BTN } from "./styles";

// §8.11 a flush refused because the branch moved: nothing the user typed is
// lost. Reload (discard mine), copy my text, or merge (re-apply my changed
// blocks onto the new head; where both sides touched one passage the
// resolution view opens, resolve-merge.tsx, and the person decides).

type Props = {
  onReload: () => void;
  onCopy: () => Promise<void>;
  onMerge: () => void;
  busy: boolean;
};

export function ConflictBanner({ onReload, onCopy, onMerge, busy }: Props) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900">
      <p className="font-semibold">This branch changed since you started editing</p>
      <p className="mt-0.5 text-rose-800">
        Your text is still here and has not been saved. Merge puts your edits on top of the other change; where both touched one passage, you choose.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={BTN.primary} disabled={busy} onClick={onMerge}>
          {busy ? "Merging…" : "Merge"}
        </button>
        <button
          type="button"
          className={BTN.secondary}
          onClick={() =>
            void onCopy().then(() => {
              setCopied(true);
              window.setTimeout(() => setCopied(false), 2000);
            })
          }
        >
          {copied ? "Copied" : "Copy my text"}
        </button>
        <button type="button" className={BTN.danger} disabled={busy} onClick={onReload}>
          Reload (discard mine)
        </button>
      </div>
    </div>
  );
}

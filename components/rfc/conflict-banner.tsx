"use client";

import { useState } from "react";
import { BTN } from "./styles";

// §8.11 a flush refused because the branch moved: nothing the user typed is
// lost. Reload (discard mine), copy my text, or merge (re-apply my changed
// blocks onto the new head; when both sides touched one block, both texts
// stay visible side by side and the user decides).

type Props = {
  sideBySide: string | null; // their text, when a merge could not be made
  onReload: () => void;
  onCopy: () => Promise<void>;
  onMerge: () => void;
  onKeepMine: () => void;
  busy: boolean;
};

export function ConflictBanner({ sideBySide, onReload, onCopy, onMerge, onKeepMine, busy }: Props) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900">
      <p className="font-semibold">This branch changed since you started editing</p>
      <p className="mt-0.5 text-rose-800">
        {sideBySide
          ? "Your edits and the other change touch the same paragraphs. Their version is shown beside yours; edit yours, then save it on top — or take theirs."
          : "Your text is still here and has not been saved. Choose how to go on."}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        {sideBySide ? (
          <button type="button" className={BTN.primary} disabled={busy} onClick={onKeepMine}>
            Save mine on top of theirs
          </button>
        ) : (
          <button type="button" className={BTN.primary} disabled={busy} onClick={onMerge}>
            {busy ? "Merging…" : "Merge"}
          </button>
        )}
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

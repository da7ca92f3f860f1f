import { BTN } from "./styles";

// Issue 12 item 6: edits kept in this browser that never reached Git, made
// on a text the branch has moved on from. Restoring them puts them back in
// the editor on their old base, so saving meets §8.11's conflict flow
// (merge, side by side, keep mine) and nothing is overwritten unseen.

type Props = { savedAt: number; onRestore: () => void; onDiscard: () => void };

export function DraftOffer({ savedAt, onRestore, onDiscard }: Props) {
  const when = new Date(savedAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div role="alert" className="mt-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">Unsaved edits from {when} are kept in this browser</p>
      <p className="mt-0.5 text-amber-900">They never reached the branch, which has changed since. Restore them to merge them with the current text, or discard them.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={BTN.primary} onClick={onRestore}>
          Restore my edits
        </button>
        <button type="button" className={BTN.danger} onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </div>
  );
}

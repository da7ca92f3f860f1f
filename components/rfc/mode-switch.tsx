import { KBD } from "./styles";

// §8.3 discuss (read-only, chat) / contribute (editable), and the §8.10 DiffView toggle.

export function ModeSwitch({ mode, onChange, canEdit }: { mode: "discuss" | "contribute"; onChange: (m: "discuss" | "contribute") => void; canEdit: boolean }) {
  const item = (m: "discuss" | "contribute", label: string) => (
    <button
      type="button"
      role="radio"
      aria-checked={mode === m}
      disabled={m === "contribute" && !canEdit}
      onClick={() => onChange(m)}
      className={`rounded px-2 py-1 text-sm ${mode === m ? "bg-white font-medium text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900"} disabled:cursor-not-allowed disabled:opacity-40`}
    >
      {label}
    </button>
  );
  return (
    <div className="flex items-center gap-1">
      <div role="radiogroup" aria-label="Mode" className="flex rounded-md bg-slate-100 p-0.5">
        {item("discuss", "Discuss")}
        {item("contribute", "Contribute")}
      </div>
      {canEdit ? <kbd className={KBD} title="Press E to switch">E</kbd> : null}
    </div>
  );
}

export function DiffToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <span className="flex items-center gap-1">
      <button
        type="button"
        aria-pressed={on}
        onClick={() => onChange(!on)}
        className={`rounded-md border px-2 py-1 text-sm ${on ? "border-indigo-300 bg-indigo-50 font-medium text-indigo-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
      >
        Diff vs main
      </button>
      <kbd className={KBD} title="Press D to toggle">D</kbd>
    </span>
  );
}

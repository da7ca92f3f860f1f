import { PROSE_RFC } from "@/components/editor/prose-classes";

// Class strings shared by the RFC view's components (Tailwind only; no
// typography plugin, so rendered Markdown is styled through child selectors).

/**
 * The read-only document and the DiffView use the editor's typography, so
 * discuss and contribute mode look the same (components/editor/prose-classes).
 */
export const PROSE = `${PROSE_RFC} break-words`;

/** Chat bubbles: a smaller prose. */
export const PROSE_SM = [
  "text-sm leading-6 text-slate-800 break-words",
  "[&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-5",
  "[&_a]:text-indigo-700 [&_a]:underline",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em]",
  "[&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-900 [&_pre]:p-2 [&_pre]:text-slate-100",
  "[&_pre_code]:bg-transparent [&_pre_code]:text-slate-100",
  "[&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-2 [&_blockquote]:text-slate-600",
].join(" ");

const base =
  "inline-flex items-center justify-center gap-1.5 rounded-md text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500";

export const BTN = {
  primary: `${base} bg-indigo-600 px-3 py-1.5 text-white hover:bg-indigo-700`,
  secondary: `${base} border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50`,
  ghost: `${base} px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900`,
  danger: `${base} border border-rose-300 bg-white px-3 py-1.5 text-rose-700 hover:bg-rose-50`,
  dangerSolid: `${base} bg-rose-600 px-3 py-1.5 text-white hover:bg-rose-700`,
  small: `${base} border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50`,
};

export const INPUT =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-rose-400";

/** A keyboard hint next to a control, e.g. <kbd>E</kbd>. */
export const KBD = "rounded border border-slate-300 bg-slate-50 px-1 font-mono text-[10px] font-medium leading-4 text-slate-500";

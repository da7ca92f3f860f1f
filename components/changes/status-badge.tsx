import type { ChangeStatus } from "@/lib/contracts";

const STYLE: Record<ChangeStatus, string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  accepted: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  declined: "bg-slate-100 text-slate-600 ring-slate-200",
  stale: "bg-orange-50 text-orange-800 ring-orange-200",
  buffered: "bg-sky-50 text-sky-800 ring-sky-200",
  invalid: "bg-rose-50 text-rose-800 ring-rose-200",
  failed: "bg-rose-50 text-rose-800 ring-rose-200",
};

export function ChangeStatusBadge({ status }: { status: ChangeStatus }) {
  return <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium capitalize ring-1 ring-inset ${STYLE[status]}`}>{status}</span>;
}

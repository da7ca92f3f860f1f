"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { BranchSummary } from "@/lib/contracts";
import { viewUrl } from "@/lib/client/api";
import { BranchStats, BranchTitle, LockIcon } from "./branch-badges";

// The breadcrumb `RFC title › branch ▾` (§8.1) with a dropdown of the RFC's
// branches: state, PR state, +/− against main, behind main, private lock.

type Props = { slug: string; title: string; current: string; branches: BranchSummary[] };

export function BranchMenu({ slug, title, current, branches }: Props) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);
  const cur = branches.find((b) => b.name === current);

  return (
    <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-sm">
      <Link href={viewUrl(slug, "main")} className="min-w-0 truncate font-semibold text-slate-900 hover:text-indigo-700">
        {title}
      </Link>
      <span aria-hidden className="text-slate-400">
        ›
      </span>
      <div ref={box} className="relative shrink-0">
        <button
          type="button"
          aria-haspopup="listbox"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          className="inline-flex max-w-[18rem] items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-[13px] text-slate-800 hover:bg-slate-50"
        >
          {cur?.visibility === "private" ? <LockIcon className="text-slate-500" /> : null}
          <span className="truncate">{current}</span>
          <span aria-hidden className="text-slate-400">
            ▾
          </span>
        </button>
        {open ? (
          <ul role="listbox" aria-label="Branches" className="absolute left-0 z-30 mt-1 max-h-[60vh] w-[22rem] overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
            {branches.map((b) => (
              <li key={b.name} role="option" aria-selected={b.name === current}>
                <Link
                  href={viewUrl(slug, b.name)}
                  onClick={() => setOpen(false)}
                  className={`flex flex-col gap-0.5 px-3 py-2 hover:bg-slate-50 ${b.name === current ? "bg-indigo-50/60" : ""}`}
                >
                  <BranchTitle b={b} />
                  {b.name === "main" ? <span className="text-[11px] text-slate-500">The RFC as it stands</span> : <BranchStats b={b} />}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </nav>
  );
}

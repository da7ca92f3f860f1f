"use client";

import { useRef, useState } from "react";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Link } from "@/components/ui/link";
import type { BranchSummary } from "@/lib/contracts";
import { viewUrl } from "@/lib/client/api";
import { BranchStats, BranchTitle, LockIcon } from "./branch-badges";

// The breadcrumb `RFC title › branch ▾` (§8.1) with a dropdown of the RFC's
// branches: state, PR state, +/− against main, behind main, private lock.

type Props = { slug: string; title: string; current: string; branches: BranchSummary[] };

export function BranchMenu({ slug, title, current, branches }: Props) {
  const cur = branches.find((b) => b.name === current);
  // Radix opens the menu on pointerdown. A finger opens it on the tap
  // (click) instead, so a scroll that starts on the trigger does not open it.
  const [open, setOpen] = useState(false);
  const touch = useRef(false);
  return (
    <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-sm">
      <Link href={viewUrl(slug, "main")} className="min-w-0 truncate font-semibold text-slate-900 hover:text-indigo-700">
        {title}
      </Link>
      <span aria-hidden className="text-slate-400">
        ›
      </span>
      {/* Radix UI's DropdownMenu: arrow keys move between branches, Enter opens one, Escape closes. */}
      <Menu.Root modal={false} open={open} onOpenChange={setOpen}>
        <Menu.Trigger
          onPointerDown={(e) => {
            touch.current = e.pointerType === "touch";
            if (touch.current) e.preventDefault(); // skips Radix's pointerdown toggle
          }}
          onClick={() => {
            if (touch.current) setOpen((o) => !o);
            touch.current = false;
          }}
          aria-label={`Branch ${current}: switch branch`}
          className="inline-flex max-w-[9rem] shrink-0 items-center sm:max-w-[18rem] gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-[13px] text-slate-800 hover:bg-slate-50"
        >
          {cur?.visibility === "private" ? <LockIcon className="text-slate-500" /> : null}
          <span className="truncate">{current}</span>
          <span aria-hidden className="text-slate-400">
            ▾
          </span>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content align="start" sideOffset={4} aria-label="Branches" className="z-50 max-h-[60vh] w-[min(22rem,calc(100vw-1rem))] overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
            {branches.map((b) => (
              <Menu.Item key={b.name} asChild>
                <Link
                  href={viewUrl(slug, b.name)}
                  aria-current={b.name === current ? "page" : undefined}
                  className={`flex flex-col gap-0.5 px-3 py-2 outline-none data-[highlighted]:bg-slate-100 ${b.name === current ? "bg-indigo-50/60" : ""}`}
                >
                  <BranchTitle b={b} />
                  {b.name === "main" ? <span className="text-[11px] text-slate-500">The RFC as it stands</span> : <BranchStats b={b} />}
                </Link>
              </Menu.Item>
            ))}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </nav>
  );
}

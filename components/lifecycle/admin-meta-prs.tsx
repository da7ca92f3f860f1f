"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Link } from "@/components/ui/link";
import type { AdminMetaPr } from "@/lib/lifecycle/open-meta-prs";
import { MetaPrRow } from "./meta-pr-list";

/** The admin page's open claims and metadata changes, each with Merge and Close (§13.1). */
export function AdminMetaPrs({ prs }: { prs: AdminMetaPr[] }) {
  const [settled, setSettled] = useState<number[]>([]);
  const router = useRouter();
  const left = prs.filter((p) => !settled.includes(p.number));
  if (!left.length) return <p className="mt-2 text-sm text-slate-600">No claim or metadata change waits for a merge.</p>;
  return (
    <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-4">
      {left.map((pr) => (
        <li key={pr.number} className="py-1">
          <Link href={`/rfcs/${encodeURIComponent(pr.slug)}`} className="text-sm font-medium text-indigo-700 hover:underline">
            {pr.rfcTitle}
          </Link>
          <ul>
            <MetaPrRow
              slug={pr.slug}
              pr={pr}
              canSettle
              onSettled={() => {
                setSettled((s) => [...s, pr.number]);
                router.refresh();
              }}
            />
          </ul>
        </li>
      ))}
    </ul>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { BranchSummary } from "@/lib/rfc-view/api-types";
import { api, paths } from "./api";

// §9 branch status (ahead/behind, +/−, PR) is recomputed by the branches
// route when a webhook marked it stale or it is older than 120 s. The page
// renders from the cache as it is; this asks the route once after load and
// re-reads the page only when something actually moved.

const sig = (bs: BranchSummary[]) =>
  JSON.stringify(bs.map((b) => [b.name, b.headSha, b.state, b.visibility, b.aheadBy, b.behindBy, b.additions, b.deletions, b.pr?.number, b.pr?.state, b.pr?.mergeable]));

export function useFreshBranches(slug: string, branches: BranchSummary[]): void {
  const router = useRouter();
  const shown = sig(branches);
  const tries = useRef(0);
  useEffect(() => {
    // At most a couple of rounds per visit: never a refresh loop if the two reads keep disagreeing.
    if (tries.current++ >= 2) return;
    let live = true;
    void api<{ branches: BranchSummary[] }>(paths.branches(slug)).then((r) => {
      if (live && r.ok && sig(r.data.branches) !== shown) router.refresh();
    });
    return () => {
      live = false;
    };
    // Once per branch list the page shows: a refresh that changes it checks again, then settles.
  }, [slug, shown, router]);
}

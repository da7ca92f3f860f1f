"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { BranchSummary } from "@/lib/contracts";
import { api, paths } from "./api";

// The RFC view's branch list (§8.1, §9) as client state. The page renders it
// from the cache; the branches route recomputes statuses that are due (§9)
// and is asked once after load and after every branch action. The view
// follows that answer itself rather than waiting for router.refresh(): in
// production builds a refreshed RSC payload is at times fetched but never
// committed (vercel/next.js#86151), which left a merged PR showing as open.

const sig = (bs: BranchSummary[]) =>
  JSON.stringify(bs.map((b) => [b.name, b.headSha, b.state, b.visibility, b.aheadBy, b.behindBy, b.additions, b.deletions, b.pr?.number, b.pr?.state, b.pr?.mergeable]));

export function useBranchList(slug: string, fromPage: BranchSummary[]): { branches: BranchSummary[]; reload: () => Promise<void> } {
  const [branches, setBranches] = useState(fromPage);
  const pageSig = sig(fromPage);
  const latest = useRef(0);

  // A newer page render (navigation, refresh) wins over what the view holds.
  useEffect(() => {
    setBranches(fromPage);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for the list
  }, [pageSig]);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    const r = await api<{ branches: BranchSummary[] }>(paths.branches(slug));
    // Only the newest answer counts: an older one may predate the last action.
    if (r.ok && call === latest.current) setBranches((now) => (sig(now) === sig(r.data.branches) ? now : r.data.branches));
  }, [slug]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { branches, reload };
}

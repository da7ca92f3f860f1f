"use client";

import { useEffect, useRef } from "react";
import useSWR from "swr";
import { fetchJson, paths } from "@/lib/client/api";
import type { BranchSummary } from "@/lib/contracts";
import { SWR_OPTIONS } from "./use-resource";

// The RFC view's branch list (§8.1, §9) as client state. The page renders it
// from the cache; the branches route recomputes statuses that are due (§9)
// and is asked once after load and after every branch action. The view
// follows that answer itself rather than waiting for router.refresh(): in
// production builds a refreshed RSC payload is at times fetched but never
// committed (vercel/next.js#86151), which left a merged PR showing as open.
// SWR keeps only the newest answer and re-renders only when it differs.
// While Gitea checks whether a PR can merge (FACTS §7.2), the list is asked
// again after 1, 2, 3, 5 and then every 8 s, until the check is decided.

const POLL_MS = [1000, 2000, 3000, 5000, 8000];

const checking = (bs: BranchSummary[] | undefined) => !!bs?.some((b) => b.pr?.state === "open" && b.pr.mergeState === "checking");

export function useBranchList(slug: string, fromPage: BranchSummary[]): { branches: BranchSummary[]; reload: () => Promise<void> } {
  const polls = useRef(0);
  const { data, mutate } = useSWR(paths.branches(slug), fetchJson<{ branches: BranchSummary[] }>, {
    ...SWR_OPTIONS,
    fallbackData: { branches: fromPage },
    revalidateOnMount: true,
    refreshInterval: (latest) => {
      if (!checking(latest?.branches)) return (polls.current = 0);
      return POLL_MS[Math.min(polls.current++, POLL_MS.length - 1)];
    },
  });
  // A newer page render (navigation, refresh) wins over what the view holds.
  useEffect(() => {
    void mutate({ branches: fromPage }, { revalidate: false });
  }, [fromPage, mutate]);
  return {
    branches: data?.branches ?? fromPage,
    reload: async () => {
      await mutate();
    },
  };
}

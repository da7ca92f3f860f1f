"use client";

import { useEffect } from "react";
import type { Change, DocumentAtHead, Flag, ThreadSummary } from "@/lib/contracts";
import { paths } from "@/lib/client/api";
import { useResource } from "./use-resource";

// The branch's document, threads and changes (docs/API.md). Main's text comes
// from the page (the cache, §4); other branches' from GET …/document.

export function useBranchDocument(slug: string, branch: string, initial: DocumentAtHead | null) {
  const r = useResource<DocumentAtHead>(`${paths.branch(slug, branch)}/document`, initial);
  // Main's text comes with the page: follow it when the page is re-read (e.g. after a merged PR).
  const { set } = r;
  const text = initial?.text;
  const headSha = initial?.headSha;
  useEffect(() => {
    if (text !== undefined && headSha !== undefined) set({ text, headSha, path: "", branch });
  }, [text, headSha, branch, set]);
  return r;
}

export function useThreads(slug: string, branch: string) {
  const r = useResource<{ threads: ThreadSummary[] }>(`${paths.branch(slug, branch)}/threads`);
  return { ...r, threads: r.data?.threads ?? [] };
}

export function useChanges(slug: string, branch: string) {
  const r = useResource<{ changes: Change[] }>(`${paths.branch(slug, branch)}/changes`);
  return { ...r, changes: r.data?.changes ?? [] };
}

/** Open flags for owners, arbiters and admins (§8.13); null url = not allowed, nothing fetched. */
export function useOpenFlags(slug: string, allowed: boolean) {
  const r = useResource<{ flags: Flag[] }>(allowed ? `${paths.flags(slug)}?status=open` : null);
  return { ...r, flags: r.data?.flags ?? [] };
}

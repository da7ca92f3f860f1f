"use client";

import { useEffect } from "react";
import type { Change, DocumentAtHead, Flag, ThreadSummary } from "@/lib/contracts";
import { paths } from "@/lib/client/api";
import { branchTopic, flagsTopic } from "@/lib/realtime/topics";
import { useLiveResource, type LiveEvent } from "@/components/live/use-live-resource";
import type { BranchHead } from "@/lib/realtime/branch-events";
import { useResource } from "./use-resource";

// The branch's document, threads, changes and flags (docs/API.md). Main's
// text comes from the page (the cache, §4); other branches' from GET
// …/document. Changes and flags stay live for every viewer (issue 14): new
// cards, decisions and stale marks arrive on the branch's stream, which also
// says when the branch's head moved or a sub-thread opened.

/** `editor`: the text is for the editor, which takes the server's reading of it as well (issue 15). */
export function useBranchDocument(slug: string, branch: string, initial: DocumentAtHead | null, editor: boolean) {
  const r = useResource<DocumentAtHead>(`${paths.branch(slug, branch)}/document${editor ? "?editor=1" : ""}`, initial);
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

type ChangesData = { changes: Change[]; liveSeq?: number };

/** A card event on this branch's list: new cards join, updates merge, a card promoted away leaves (§8.14). */
export function applyChangeEvent(d: ChangesData, e: LiveEvent, branch: string): ChangesData {
  const c = e.data as Partial<Change> & { id?: string };
  if (e.type !== "change" && e.type !== "change_updated") return d;
  if (!c || typeof c.id !== "string") return d;
  const at = d.changes.findIndex((x) => x.id === c.id);
  if (c.branch !== undefined && c.branch !== branch) return at < 0 ? d : { ...d, changes: d.changes.filter((x) => x.id !== c.id) };
  if (at < 0) return "original" in c ? { ...d, changes: [...d.changes, c as Change] } : d;
  const changes = [...d.changes];
  changes[at] = { ...changes[at], ...c };
  return { ...d, changes };
}

export type BranchFollow = { onHead?: (head: BranchHead) => void; onThread?: () => void };

export function useChanges(slug: string, branch: string, follow: BranchFollow = {}) {
  const r = useLiveResource<ChangesData>(`${paths.branch(slug, branch)}/changes`, branchTopic(slug, branch), {
    apply: (d, e) => applyChangeEvent(d, e, branch),
    onEvent: (e) => {
      if (e.type === "head") follow.onHead?.(e.data as BranchHead);
      else if (e.type === "thread") follow.onThread?.();
    },
  });
  return { ...r, changes: r.data?.changes ?? [] };
}

type FlagsData = { flags: Flag[]; liveSeq?: number };

/** Open flags: a new one joins at the top, a resolved one leaves (§8.13). */
export function applyOpenFlagEvent(d: FlagsData, e: LiveEvent): FlagsData {
  const f = e.data as Flag | null;
  if (!f || typeof f.id !== "string" || (e.type !== "flag" && e.type !== "flag_updated")) return d;
  const rest = d.flags.filter((x) => x.id !== f.id);
  if (f.status !== "open") return rest.length === d.flags.length ? d : { ...d, flags: rest };
  const at = d.flags.findIndex((x) => x.id === f.id);
  if (at < 0) return { ...d, flags: [f, ...d.flags] };
  const flags = [...d.flags];
  flags[at] = f;
  return { ...d, flags };
}

/** Open flags for owners, arbiters and admins (§8.13); not allowed = nothing fetched or followed. */
export function useOpenFlags(slug: string, allowed: boolean) {
  const r = useLiveResource<FlagsData>(allowed ? `${paths.flags(slug)}?status=open` : null, allowed ? flagsTopic(slug) : null, { apply: applyOpenFlagEvent });
  return { ...r, flags: r.data?.flags ?? [] };
}

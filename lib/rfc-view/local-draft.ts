// Issue 12 item 6, "no typed text lost": what the editor holds that has not
// reached Git is kept in the browser (localStorage) until a flush lands, so
// a reload, a crash of the tab or of the server loses nothing. One draft per
// RFC and branch, with the commit and text it was based on: after a reload
// it is put back at once when the branch is still at that commit, and
// offered otherwise (restoring it then goes through §8.11's conflict flow,
// since it was made on an older text). No React, no window: the caller
// passes the storage, so the rules are tested without a browser.

export type LocalDraft = {
  v: 1;
  slug: string;
  branch: string;
  /** The commit the editor's text was based on, and that commit's text. */
  baseSha: string;
  baseText: string;
  /** What the editor held. */
  text: string;
  savedAt: number;
};

/** The subset of the Web Storage API a draft needs (localStorage in the browser). */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const draftKey = (slug: string, branch: string) => `quorum.draft.v1:${slug}:${branch}`;

const isDraft = (x: unknown): x is LocalDraft => {
  const d = x as Partial<LocalDraft> | null;
  return !!d && d.v === 1 && [d.slug, d.branch, d.baseSha, d.baseText, d.text].every((s) => typeof s === "string") && typeof d.savedAt === "number";
};

export function readDraft(store: DraftStorage, slug: string, branch: string): LocalDraft | null {
  try {
    const value: unknown = JSON.parse(store.getItem(draftKey(slug, branch)) ?? "null");
    return isDraft(value) && value.slug === slug && value.branch === branch ? value : null;
  } catch {
    return null; // storage blocked, or not our JSON
  }
}

/** Keeps the editor's text; false when the browser refused (storage full or blocked). */
export function writeDraft(store: DraftStorage, d: Omit<LocalDraft, "v" | "savedAt">, now = Date.now()): boolean {
  try {
    store.setItem(draftKey(d.slug, d.branch), JSON.stringify({ v: 1, ...d, savedAt: now } satisfies LocalDraft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(store: DraftStorage, slug: string, branch: string): void {
  try {
    store.removeItem(draftKey(slug, branch));
  } catch {
    // blocked storage holds nothing to clear
  }
}

/**
 * Keeps the draft in step with the editor: nothing unsaved (the text is the
 * one the branch holds and no conflict waits) clears it; anything else is
 * written with the base it was made on.
 */
export function syncDraft(store: DraftStorage, at: { slug: string; branch: string; baseSha: string; baseText: string; text: string; conflict: boolean }): void {
  if (at.text === at.baseText && !at.conflict) clearDraft(store, at.slug, at.branch);
  else writeDraft(store, { slug: at.slug, branch: at.branch, baseSha: at.baseSha, baseText: at.baseText, text: at.text });
}

export type DraftOnLoad =
  | { kind: "none" }
  /** The branch is still at the draft's base: the editor opens with the draft, unsaved. */
  | { kind: "reapply"; draft: LocalDraft }
  /** The branch moved since: the person chooses to restore it (and settle the conflict) or discard it. */
  | { kind: "offer"; draft: LocalDraft };

/** What to do with a stored draft when the editor opens on `doc` (the branch's head). */
export function draftOnLoad(draft: LocalDraft | null, doc: { headSha: string; text: string }): DraftOnLoad {
  if (!draft || draft.text === doc.text || draft.text === draft.baseText) return { kind: "none" };
  return draft.baseSha === doc.headSha ? { kind: "reapply", draft } : { kind: "offer", draft };
}

import { clearDraft, draftKey, draftOnLoad, readDraft, syncDraft, writeDraft, type DraftStorage } from "@/lib/rfc-view/local-draft";

// Issue 12 item 6: unsaved editor text kept in the browser until a flush lands.

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const at = { slug: "cache-policy", branch: "tighten", baseSha: "a".repeat(40), baseText: "# T\n\nOld.\n" };

describe("local drafts", () => {
  it("round-trips one draft per RFC and branch", () => {
    const store = memoryStorage();
    expect(writeDraft(store, { ...at, text: "# T\n\nNew.\n" }, 1000)).toBe(true);
    expect(readDraft(store, at.slug, at.branch)).toEqual({ v: 1, ...at, text: "# T\n\nNew.\n", savedAt: 1000 });
    expect(readDraft(store, at.slug, "other")).toBeNull();
    expect([...store.map.keys()]).toEqual([draftKey(at.slug, at.branch)]);
    clearDraft(store, at.slug, at.branch);
    expect(readDraft(store, at.slug, at.branch)).toBeNull();
  });

  it("ignores what is not a draft of this branch, and a storage that refuses", () => {
    const store = memoryStorage();
    store.setItem(draftKey(at.slug, at.branch), "{not json");
    expect(readDraft(store, at.slug, at.branch)).toBeNull();
    store.setItem(draftKey(at.slug, at.branch), JSON.stringify({ v: 1, ...at, branch: "elsewhere", text: "x", savedAt: 1 }));
    expect(readDraft(store, at.slug, at.branch)).toBeNull();
    const full: DraftStorage = { getItem: () => { throw new Error("blocked"); }, setItem: () => { throw new DOMException("full", "QuotaExceededError"); }, removeItem: () => { throw new Error("blocked"); } };
    expect(writeDraft(full, { ...at, text: "x" })).toBe(false);
    expect(readDraft(full, at.slug, at.branch)).toBeNull();
    expect(() => clearDraft(full, at.slug, at.branch)).not.toThrow();
  });

  it("syncs with the editor: cleared once nothing is unsaved, kept while a conflict waits", () => {
    const store = memoryStorage();
    syncDraft(store, { ...at, text: "# T\n\nTyped.\n", conflict: false });
    expect(readDraft(store, at.slug, at.branch)?.text).toBe("# T\n\nTyped.\n");
    syncDraft(store, { ...at, baseSha: "b".repeat(40), baseText: "# T\n\nTyped.\n", text: "# T\n\nTyped.\n", conflict: false }); // the flush landed
    expect(readDraft(store, at.slug, at.branch)).toBeNull();
    syncDraft(store, { ...at, text: at.baseText, conflict: true }); // a 409 holds the person's text in the banner
    expect(readDraft(store, at.slug, at.branch)).not.toBeNull();
  });

  it.each([
    ["no draft", "none", null, { headSha: at.baseSha, text: at.baseText }],
    ["a draft the branch already holds", "none", { text: "# T\n\nNew.\n" }, { headSha: "c".repeat(40), text: "# T\n\nNew.\n" }],
    ["a draft with nothing typed", "none", { text: at.baseText }, { headSha: at.baseSha, text: at.baseText }],
    ["a draft on the branch's head", "reapply", { text: "# T\n\nNew.\n" }, { headSha: at.baseSha, text: at.baseText }],
    ["a draft on an older head", "offer", { text: "# T\n\nNew.\n" }, { headSha: "c".repeat(40), text: "# T\n\nTheirs.\n" }],
  ] as const)("on load: %s → %s", (_what, kind, draft, doc) => {
    const d = draft ? { v: 1 as const, ...at, ...draft, savedAt: 1 } : null;
    expect(draftOnLoad(d, doc).kind).toBe(kind);
  });
});

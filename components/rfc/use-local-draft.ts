"use client";

import { useEffect, useRef, useState } from "react";
import { clearDraft, draftOnLoad, readDraft, syncDraft, type LocalDraft } from "@/lib/rfc-view/local-draft";
import type { FlushSnapshot } from "@/lib/rfc-view/flush-scheduler";

// The editor's unsaved text, kept in localStorage until a flush lands
// (lib/rfc-view/local-draft.ts): written a moment after each keystroke and
// at once when the page goes away, cleared when Git holds it. When the
// editor opens, a draft on the branch's head is put back; one made on an
// older head is offered.

const SYNC_MS = 300;

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: the server-side flush is all there is
  }
}

type Args = {
  slug: string;
  branch: string;
  doc: { headSha: string; text: string };
  snap: FlushSnapshot;
  getText: () => string;
  /** Puts a text in the editor and starts the flush from a base (the editor's swap + the scheduler's rebase). */
  restore: (draft: LocalDraft) => void;
};

export function useLocalDraft({ slug, branch, doc, snap, getText, restore }: Args) {
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  const [restored, setRestored] = useState<LocalDraft | null>(null);
  const ready = useRef(false); // no sync before the stored draft is read and applied: it would clear it
  const timer = useRef<number | null>(null);
  const latest = useRef({ snap, getText });
  latest.current = { snap, getText };

  const sync = () => {
    const store = browserStorage();
    if (!store || !ready.current) return;
    const s = latest.current.snap;
    syncDraft(store, { slug, branch, baseSha: s.baseSha, baseText: s.savedText, text: latest.current.getText(), conflict: s.status === "conflict" });
  };

  // Once, when the editor opens on this branch.
  useEffect(() => {
    const store = browserStorage();
    const found = store ? draftOnLoad(readDraft(store, slug, branch), doc) : { kind: "none" as const };
    if (found.kind === "reapply") {
      setRestored(found.draft);
      restore(found.draft);
    } else if (found.kind === "offer") {
      setOffer(found.draft); // kept as it is until the person restores or discards it
      return;
    } else if (store) {
      clearDraft(store, slug, branch);
    }
    ready.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the draft is read when the editor opens, not on later heads
  }, [slug, branch]);

  // After every save, conflict or error: the stored draft follows what is unsaved.
  useEffect(() => {
    sync();
    if (snap.status === "saved" && restored) setRestored(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sync reads the latest state through refs
  }, [snap]);

  useEffect(() => {
    const onHide = () => sync();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      if (timer.current !== null) window.clearTimeout(timer.current);
      sync();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one listener per branch; sync reads refs
  }, [slug, branch]);

  return {
    /** A draft made before the branch moved, waiting for a decision. */
    offer,
    /** The draft that was put back when the editor opened, until it is saved. */
    restored,
    /** The person typed: keep the text a moment later. */
    changed() {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        timer.current = null;
        sync();
      }, SYNC_MS);
    },
    restoreOffer() {
      if (!offer) return;
      setOffer(null);
      ready.current = true;
      restore(offer); // based on its old head: the flush meets §8.11's conflict flow if the text moved
    },
    discardOffer() {
      const store = browserStorage();
      if (store) clearDraft(store, slug, branch);
      setOffer(null);
      ready.current = true;
      sync();
    },
  };
}

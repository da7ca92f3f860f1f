import { parseEntry, updateEntry, type Entry, type EntryPatch } from "@/lib/entries";
import { GiteaError } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { getLocks } from "@/lib/coordination/locks";
import type { BotActor } from "./actor";
import { metaRepo, readEntryOrThrow, type EntryAtRef } from "./meta-entry";
import type { Trailers } from "./trailers";
import { commitFiles } from "./write-files";

export type EntryEdit = {
  patch: EntryPatch;
  subject: string;
  body?: string | null;
  trailers?: Trailers;
  audit: { kind: string; details?: Record<string, unknown> };
  /** On whose behalf, when the entry decides it (an automatic decision acts for the motion's mover). */
  actor?: BotActor;
};

export type EntryWrite<T> = { commitSha: string | null; entry: Entry; result: T };

// Other writers of the meta repo's main (another instance, a graduation, a
// person pushing in Gitea) each hold it for one commit: waiting a little,
// with jitter, lets a burst of them pass instead of losing to each in turn.
const RETRY_DELAYS_MS = [50, 150, 400, 1000, 2000];
const ATTEMPTS = RETRY_DELAYS_MS.length + 1;

const pause = (attempt: number) => {
  const base = RETRY_DELAYS_MS[attempt - 1] ?? RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1];
  return new Promise((r) => setTimeout(r, base / 2 + Math.random() * base));
};

/**
 * One bot commit to an entry on the meta repo's main, decided from what is
 * there now: `decide` reads the entry from Gitea (never the cache) and says
 * what to change, or null for nothing (a repeat is a no-op), or throws a
 * refusal. Gitea's blob-sha check makes the commit atomic: when someone else
 * wrote the entry meanwhile (two arbiters signing off at once), it is read
 * again and decided again, so both sign-offs land and neither overwrites.
 * Writers in this process queue per entry.
 */
export async function writeEntry<T>(args: {
  actor: BotActor;
  slug: string;
  decide: (current: EntryAtRef) => { edit: EntryEdit | null; result: T };
}): Promise<EntryWrite<T>> {
  return getLocks().withLock(`entry:${args.slug}`, async () => {
    for (let attempt = 1; ; attempt++) {
      const current = await readEntryOrThrow(args.slug);
      const { edit, result } = args.decide(current);
      if (!edit) return { commitSha: null, entry: current.entry, result };
      const content = updateEntry(current.text, edit.patch);
      if (content === current.text) return { commitSha: null, entry: current.entry, result };
      try {
        const { commitSha } = await commitFiles({
          repo: metaRepo(),
          branch: "main",
          files: [{ op: "update", path: current.path, content, sha: current.sha }],
          subject: edit.subject,
          body: edit.body ?? null,
          trailers: edit.trailers,
          actor: edit.actor ?? args.actor,
          audit: { kind: edit.audit.kind, rfcSlug: args.slug, details: edit.audit.details },
        });
        const written = parseEntry(content);
        return { commitSha, entry: written.ok ? written.entry : current.entry, result };
      } catch (err) {
        // 422: the blob moved under us (another writer); 409/500: main moved during the push (FACTS §7.5).
        const raced = err instanceof GiteaError && [409, 422, 500].includes(err.status);
        if (!raced || attempt >= ATTEMPTS) {
          if (err instanceof GiteaError && err.status !== 500) throw new AppError("conflict", `${args.slug} kept changing while we wrote it; try again`);
          throw err;
        }
        await pause(attempt);
      }
    }
  });
}

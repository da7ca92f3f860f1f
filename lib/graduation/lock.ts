import { getConfig } from "@/lib/config";
import { getLocks } from "@/lib/coordination/locks";

// §13.3 "refuses a second graduation of the same slug while one runs": the
// lock half of that guard (the Graduation row's status is the other), on
// the app's one lock helper (lib/coordination).

const slugKey = (slug: string) => `graduation:${slug}`;

/** Takes the slug's lock; null when a graduation of it holds it. */
export const tryLockSlug = (slug: string) => getLocks().tryLock(slugKey(slug));

export const isSlugLocked = (slug: string) => getLocks().isLocked(slugKey(slug));

/**
 * Runs `fn` after every earlier caller's `fn` finished: the re-validation and
 * the reservation of an id and repo name happen as one step, so two
 * graduations of different slugs cannot both pass the check for one name.
 * Its Gitea reads have deadlines; a caller waits at most two of them for its
 * turn, then is asked to try again.
 */
export const exclusively = <T>(fn: () => Promise<T>) =>
  getLocks().withLock("graduation:reserve", fn, {
    waitMs: 2 * getConfig().giteaTimeoutMs,
    busy: "Another graduation is being checked right now; try again in a moment.",
  });

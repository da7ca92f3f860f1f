// §13.3 "refuses a second graduation of the same slug while one runs": the
// in-process half of that guard (the Graduation row's status is the other).
// On globalThis because Next bundles each route with its own module copies.

type Locks = { slugs: Set<string>; tail: Promise<unknown> };

const holder = globalThis as unknown as { quorumGraduationLocks?: Locks };

function locks(): Locks {
  holder.quorumGraduationLocks ??= { slugs: new Set(), tail: Promise.resolve() };
  return holder.quorumGraduationLocks;
}

/** Takes the slug's lock synchronously; null when a graduation of it holds it. */
export function tryLockSlug(slug: string): (() => void) | null {
  const { slugs } = locks();
  if (slugs.has(slug)) return null;
  slugs.add(slug);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slugs.delete(slug);
  };
}

export const isSlugLocked = (slug: string) => locks().slugs.has(slug);

/**
 * Runs `fn` after every earlier caller's `fn` finished: the re-validation and
 * the reservation of an id and repo name happen as one step, so two
 * graduations of different slugs cannot both pass the check for one name.
 */
export function exclusively<T>(fn: () => Promise<T>): Promise<T> {
  const state = locks();
  const run = state.tail.then(fn, fn);
  state.tail = run.catch(() => undefined);
  return run;
}

import { db } from "@/lib/db/client";
import { mailEnabled } from "@/lib/mail/config";
import { digestMail } from "@/lib/mail/compose";
import { kickMailOutbox } from "@/lib/mail/outbox";

// The daily digest (issue 14): for whoever chose it, one mail a day with the
// notifications since their last one. Run by the reconciler's tick; the clock
// is injectable so a test can pass a day. A person's first digest covers the
// day after they chose it (digestThrough is set then).

export const DAY_MS = 24 * 60 * 60 * 1000;

export async function sendDigests(now: Date = new Date()): Promise<number> {
  if (!mailEnabled()) return 0;
  const due = await db().user.findMany({
    where: { emailMode: "digest", email: { not: "" }, OR: [{ digestThrough: null }, { digestThrough: { lte: new Date(now.getTime() - DAY_MS) } }] },
    select: { id: true, email: true, digestThrough: true, createdAt: true },
  });
  let queued = 0;
  for (const u of due) {
    const since = u.digestThrough ?? new Date(now.getTime() - DAY_MS);
    const items = await db().notification.findMany({ where: { userId: u.id, createdAt: { gt: since, lte: now } }, orderBy: { createdAt: "asc" } });
    await db().$transaction(async (tx) => {
      // Guarded: two ticks racing send one digest.
      const moved = await tx.user.updateMany({ where: { id: u.id, digestThrough: u.digestThrough }, data: { digestThrough: now } });
      if (!moved.count || !items.length) return;
      await tx.mailOutbox.create({ data: digestMail(items, u, now) });
      queued++;
    });
  }
  if (queued) kickMailOutbox();
  return queued;
}

import nodemailer, { type Transporter } from "nodemailer";
import { inBackground, onSettle } from "@/lib/background";
import { getLocks } from "@/lib/coordination/locks";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";

// Sending mail (issue 14): rows wait in MailOutbox and go out here, never in
// the request that caused them — an unreachable SMTP server never fails an
// action. A failed send is retried with back-off (BACKOFF_S); after the last
// attempt the row is `failed`, logged, and shown on /api/health.

/** Seconds to wait before each retry; after the last, the mail is given up. */
export const BACKOFF_S = [10, 60, 300, 1800, 7200];

let transport: { url: string; t: Transporter } | null = null;
function transporter(url: string): Transporter {
  if (transport?.url !== url) transport = { url, t: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  return transport.t;
}

/** Sends what is due; returns how many went out. One run at a time per process. */
export async function drainMailOutbox(now: () => Date = () => new Date()): Promise<{ sent: number; failed: number }> {
  const mail = getConfig().mail;
  let sent = 0;
  let failed = 0;
  if (!mail) return { sent, failed };
  const due = await db().mailOutbox.findMany({ where: { state: "pending", nextAttemptAt: { lte: now() } }, orderBy: { createdAt: "asc" }, take: 50 });
  for (const m of due) {
    try {
      await transporter(mail.smtpUrl).sendMail({ from: mail.from, to: m.to, subject: m.subject, text: m.text });
      await db().mailOutbox.update({ where: { id: m.id }, data: { state: "sent", sentAt: now(), attempts: m.attempts + 1, lastError: null } });
      sent++;
    } catch (err) {
      const attempts = m.attempts + 1;
      const error = err instanceof Error ? err.message : String(err);
      const giveUp = attempts > BACKOFF_S.length;
      await db().mailOutbox.update({
        where: { id: m.id },
        data: { attempts, lastError: error, state: giveUp ? "failed" : "pending", nextAttemptAt: new Date(now().getTime() + (BACKOFF_S[attempts - 1] ?? 0) * 1000) },
      });
      if (giveUp) console.error(`[quorum] mail to ${m.to} (${m.kind}) failed for good after ${attempts} attempts: ${error}`);
      else console.warn(`[quorum] mail to ${m.to} failed (attempt ${attempts}), retrying: ${error}`);
      failed++;
    }
  }
  return { sent, failed };
}

let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * Sends soon, off the caller's path, then schedules itself for the next
 * retry that is due. One drain at a time (the one lock helper); a row
 * written during a drain is picked up by the schedule after it.
 */
export function kickMailOutbox(): void {
  if (!getConfig().mail) return;
  void inBackground("mail outbox", (async () => {
    const release = await getLocks().tryLock("mail-outbox");
    if (!release) return;
    try {
      await drainMailOutbox();
      await scheduleNext();
    } catch (err) {
      console.error("[quorum] mail outbox:", err);
    } finally {
      await release();
    }
  })());
}

async function scheduleNext(): Promise<void> {
  const next = await db().mailOutbox.findFirst({ where: { state: "pending" }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } });
  if (timer) clearTimeout(timer);
  timer = null;
  if (!next) return;
  timer = setTimeout(kickMailOutbox, Math.max(100, next.nextAttemptAt.getTime() - Date.now()));
  timer.unref?.();
}

/** Stops the scheduled retry (tests, shutdown); returns whether one was set. */
export function stopMailOutbox(): boolean {
  const had = timer !== null;
  if (timer) clearTimeout(timer);
  timer = null;
  return had;
}
onSettle(stopMailOutbox);

/** Mail that could not be sent, for /api/health. */
export async function mailProblems(): Promise<{ pending: number; failed: { to: string; subject: string; attempts: number; error: string | null; at: string }[] }> {
  const [pending, failed] = await Promise.all([
    db().mailOutbox.count({ where: { state: "pending", attempts: { gt: 0 } } }),
    db().mailOutbox.findMany({ where: { state: "failed" }, orderBy: { createdAt: "desc" }, take: 20 }),
  ]);
  return { pending, failed: failed.map((m) => ({ to: m.to, subject: m.subject, attempts: m.attempts, error: m.lastError, at: m.createdAt.toISOString() })) };
}

import type { Notification, Prisma } from "@prisma/client";
import { getConfig } from "@/lib/config";

// The mails of notifications (issue 14): one at once, or a day's digest.
// Plain text, with the link to the place in full (the app's public URL).

const link = (url: string) => `${getConfig().appUrl}${url.startsWith("/") ? url : `/${url}`}`;
/** Where it happened, unless the notification's sentence says so already. */
const where = (n: Pick<Notification, "rfcSlug" | "branch" | "text">) =>
  n.rfcSlug && !n.text.includes(n.rfcSlug) ? ` [${n.rfcSlug}${n.branch && n.branch !== "main" ? ` / ${n.branch}` : ""}]` : "";
const footer = () => `\n--\nQuorum. Choose how notifications reach you: ${link("/settings/notifications")}\n`;

/** The outbox row of an email sent at once for one notification. */
export function instantMail(n: Notification, to: { id: number; email: string }): Prisma.MailOutboxUncheckedCreateInput {
  return {
    userId: to.id,
    to: to.email,
    kind: "instant",
    key: `instant:${n.id}`,
    subject: `${n.text}${where(n)}`.slice(0, 200),
    text: `${n.text}\n\n${link(n.url)}\n${footer()}`,
  };
}

/** The outbox row of one person's digest of `items` (newest last), for the day ending at `through`. */
export function digestMail(items: Notification[], to: { id: number; email: string }, through: Date): Prisma.MailOutboxUncheckedCreateInput {
  const day = through.toISOString().slice(0, 10);
  const lines = items.map((n) => `- ${n.text}${where(n)}\n  ${link(n.url)}`);
  return {
    userId: to.id,
    to: to.email,
    kind: "digest",
    key: `digest:${to.id}:${through.toISOString()}`,
    subject: `Quorum: ${items.length} notification${items.length === 1 ? "" : "s"} (${day})`,
    text: `What happened in Quorum since your last digest:\n\n${lines.join("\n\n")}\n${footer()}`,
  };
}

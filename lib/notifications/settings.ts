import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { mailEnabled } from "@/lib/mail/config";
import { EMAIL_MODES, type EmailMode, type MailSettings } from "@/lib/contracts/notifications";

// Each person chooses how notifications reach them besides the bell (issue
// 14): in_app (the bell only), instant (an email per notification) or
// digest (one email a day). Email goes to the address Gitea gave at sign-in.

export const mailSettingsSchema = z.object({ emailMode: z.enum(EMAIL_MODES) }).strict();

export async function readMailSettings(userId: number): Promise<MailSettings> {
  const u = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { emailMode: true, email: true } });
  return { emailMode: (EMAIL_MODES as readonly string[]).includes(u.emailMode) ? (u.emailMode as EmailMode) : "in_app", email: u.email, mailEnabled: mailEnabled() };
}

export async function saveMailSettings(userId: number, input: z.infer<typeof mailSettingsSchema>): Promise<MailSettings> {
  const current = await readMailSettings(userId);
  if (input.emailMode !== "in_app") {
    if (!current.mailEnabled) throw new AppError("unprocessable", "Email is not set up on this server (SMTP_URL and MAIL_FROM).", { field: "emailMode" });
    if (!current.email) throw new AppError("unprocessable", "Gitea has no email address for you; add one there and sign in again.", { field: "emailMode" });
  }
  // A digest chosen now covers what comes from now on.
  const digestThrough = input.emailMode === "digest" && current.emailMode !== "digest" ? new Date() : undefined;
  await db().user.update({ where: { id: userId }, data: { emailMode: input.emailMode, ...(digestThrough ? { digestThrough } : {}) } });
  return { ...current, emailMode: input.emailMode };
}

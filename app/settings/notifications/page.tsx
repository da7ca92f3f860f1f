import type { Metadata } from "next";
import { EmailSettingsForm } from "@/components/notifications/email-settings-form";
import { requirePageUser } from "@/lib/auth/page-user";
import { readMailSettings } from "@/lib/notifications/settings";

export const metadata: Metadata = { title: "Notification settings" };
export const dynamic = "force-dynamic";

// How notifications reach you besides the bell (issue 14): in-app only, an
// email at once, or a daily digest, at the address Gitea gave at sign-in.
export default async function NotificationSettingsPage() {
  const user = await requirePageUser();
  const settings = await readMailSettings(user.id);
  return (
    <main className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-2xl font-semibold text-slate-900">Notifications</h1>
      <p className="mt-1 text-slate-600">The bell in the header always shows them. Choose whether they also reach you by email.</p>
      <EmailSettingsForm initial={settings} />
    </main>
  );
}

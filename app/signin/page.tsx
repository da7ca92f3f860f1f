import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/sign-in-button";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

// next-auth's error codes (pages.error points here) and our own
// SessionExpired (lib/auth/page-user.ts), in words a person can act on.
const messages: Record<string, string> = {
  SessionExpired: "Your session has ended. Sign in again to continue.",
  AccessDenied: "Gitea did not grant access. Try again, or ask an admin.",
  OAuthSignin: "Could not start signing in with Gitea. Try again in a moment.",
  OAuthCallback: "Gitea's answer could not be verified. Try again.",
  Callback: "Signing in could not be completed. Try again.",
  Configuration: "Sign-in is not configured correctly. Tell an admin.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const one = (v?: string | string[]) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackPath(one(params.callbackUrl), getConfig().appUrl);
  const error = one(params.error);
  if (await getCurrentUser()) redirect(callbackUrl);

  return (
    <main className="mx-auto flex max-w-sm flex-col px-4 py-16">
      <h1 className="text-2xl font-semibold text-slate-900">Sign in to Quorum</h1>
      <p className="mt-2 text-slate-600">Use your Gitea account. Reading needs no account; writing, chatting and proposing do.</p>
      {error ? (
        <p role="alert" className="mt-6 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {messages[error] ?? "Signing in failed. Try again."}
        </p>
      ) : null}
      <div className="mt-6">
        <SignInButton callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}

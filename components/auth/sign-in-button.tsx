"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

// Starts next-auth's OAuth flow with Gitea (§1). next-auth needs its CSRF
// cookie set in the browser first, which is why this is a client component.
export function SignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signIn("gitea", { callbackUrl }).catch(() => setBusy(false));
      }}
      className="inline-flex w-full items-center justify-center gap-2 rounded-md bg-slate-900 px-4 py-2.5 text-sm font-semibold text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:ring-offset-2 disabled:opacity-60"
    >
      {busy ? "Redirecting to Gitea…" : "Sign in with Gitea"}
    </button>
  );
}

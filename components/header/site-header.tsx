import { headers } from "next/headers";
import { signOutAction } from "@/app/signin/actions";
import { Avatar } from "@/components/auth/avatar";
import { RoleBadge } from "@/components/auth/role-badge";
import { NotificationBell } from "@/components/notifications/bell";
import { Link } from "@/components/ui/link";
import { can } from "@/lib/auth/permissions";
import { PATH_HEADER } from "@/lib/auth/request-gate";
import { getCurrentUser } from "@/lib/auth/session";

// The header on every page (issue 4): home link, who is signed in with
// their role (§1), sign-out; readers get a way to sign in that returns
// them to the page they were on.
const focus = "focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:ring-offset-2";

export async function SiteHeader() {
  const user = await getCurrentUser();
  const here = (await headers()).get(PATH_HEADER) ?? "/";
  const onSignIn = here.startsWith("/signin"); // the page's own button is enough there
  const signInHref = here === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(here)}`;

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="flex h-14 items-center justify-between gap-4 px-4 sm:px-6">
        <Link href="/" className={`flex items-center gap-2 rounded-md text-lg font-semibold text-slate-900 ${focus}`}>
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-slate-900 text-sm font-bold text-white">
            Q
          </span>
          Quorum
        </Link>
        {user ? (
          <nav aria-label="Account" className="flex items-center gap-3">
            {can(user, "view_admin") ? (
              <Link href="/admin" className={`rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 ${focus}`}>
                Admin
              </Link>
            ) : null}
            <NotificationBell />
            <span className="flex items-center gap-2" title={`Signed in as @${user.login}`}>
              <Avatar src={user.avatarUrl} name={user.name} />
              {/* Narrow screens keep the name for screen readers only. */}
              <span className="sr-only max-w-[12rem] truncate text-sm font-medium text-slate-900 sm:not-sr-only">{user.name}</span>
              <RoleBadge role={user.role} />
            </span>
            <form action={signOutAction}>
              <button type="submit" className={`rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 ${focus}`}>
                Sign out
              </button>
            </form>
          </nav>
        ) : onSignIn ? null : (
          <Link href={signInHref} className={`rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 ${focus}`}>
            Sign in with Gitea
          </Link>
        )}
      </div>
    </header>
  );
}

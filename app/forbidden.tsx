import { Link } from "@/components/ui/link";

// Rendered with HTTP 403 when a page calls forbidden() (next.config.mjs
// experimental.authInterrupts): a signed-in person without the right (§6).
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">Error 403</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">You don&apos;t have access to this page</h1>
      <p className="mt-3 text-slate-600">
        You are signed in, but your role does not allow this. Ask an app admin if you think it should.
      </p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:ring-offset-2"
      >
        Back to the catalog
      </Link>
    </main>
  );
}

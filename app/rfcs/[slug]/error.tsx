"use client";

import { Link } from "@/components/ui/link";

// Something failed while reading the RFC view: say so, offer a retry and a way out.
export default function RfcError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-6 py-16 text-center">
      <h1 className="text-xl font-semibold text-slate-900">This RFC could not be shown</h1>
      <p className="mt-2 text-sm text-slate-600">Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Your work in Git is safe.</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700">
          Try again
        </button>
        <Link href="/" className="rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-700 hover:bg-slate-50">
          Back to the catalog
        </Link>
      </div>
    </main>
  );
}

import { Link } from "@/components/ui/link";

// An unknown RFC, or a branch that does not exist or is private to others (§6: the same answer).
// In app/rfcs/ so it also catches the notFound() of app/rfcs/[slug]/layout.tsx.
export default function RfcNotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16 text-center">
      <h1 className="text-xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">There is no such RFC or branch, or you do not have access to it.</p>
      <Link href="/" className="mt-6 inline-block rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-700 hover:bg-slate-50">
        Back to the catalog
      </Link>
    </main>
  );
}

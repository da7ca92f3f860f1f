import type { Metadata } from "next";
import { ProposeForm } from "@/components/catalog/propose-form";
import { Link } from "@/components/ui/link";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Propose an idea" };
export const dynamic = "force-dynamic";

// §7 "Propose an idea": contributors open a propose/<slug> PR through the bot.
export default async function ProposePage() {
  const user = await getCurrentUser();
  return (
    <main className="mx-auto w-full max-w-2xl px-4 py-8 sm:px-6">
      <nav className="mb-4 text-sm">
        <Link href="/" className="text-slate-600 underline hover:text-slate-900">
          ← All RFCs
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Propose an idea</h1>
      <p className="mt-1 text-slate-600">
        Your idea opens a pull request on the meta repository. Once an admin merges it, it becomes a super-draft that anyone can
        help write.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        {user ? (
          <ProposeForm />
        ) : (
          <p className="text-slate-700">
            <Link href={`/api/auth/signin?callbackUrl=${encodeURIComponent("/propose")}`} className="font-medium text-indigo-700 underline">
              Sign in with Gitea
            </Link>{" "}
            to propose an idea.
          </p>
        )}
      </div>
    </main>
  );
}

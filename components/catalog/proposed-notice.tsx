import type { PendingIdea } from "@/lib/db/queries/pending-ideas";

/** Shown after a successful proposal (?proposed=<slug>): says where the idea is now. */
export function ProposedNotice({ slug, ideas }: { slug: string; ideas: PendingIdea[] }) {
  const idea = ideas.find((i) => i.slug === slug);
  return (
    <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200">
      {idea ? (
        <>
          Your idea <strong>“{idea.title}”</strong> is pending (pull request #{idea.number}). An admin will merge or decline it.
        </>
      ) : (
        <>Your idea was proposed. It appears under pending ideas as soon as the catalog catches up.</>
      )}
    </p>
  );
}

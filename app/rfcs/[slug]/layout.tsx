import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PATH_HEADER } from "@/lib/auth/request-gate";
import { getCurrentUser } from "@/lib/auth/session";
import { getRfcForView, listBranchesForView } from "@/lib/db/queries/rfc-view";

// The RFC segment's gate. It runs above loading.tsx's Suspense boundary, so
// an unknown RFC — or, on the RFC view, a branch the viewer may not see —
// answers a real 404 status (§6: a private branch is a 404, the same as a
// missing one) instead of a streamed 200 with a not-found body. The page
// checks again: layouts do not re-run on client-side navigation.

type Props = { children: ReactNode; params: Promise<{ slug: string }> };

/** The ?branch= of the RFC view's own URL (middleware passes the path and query along). */
function requestedBranch(pathAndQuery: string | null, slug: string): string | null {
  if (!pathAndQuery) return null;
  const url = new URL(pathAndQuery, "http://quorum.invalid");
  if (decodeURIComponent(url.pathname) !== `/rfcs/${slug}`) return null; // e.g. /rfcs/{slug}/graduate
  return url.searchParams.get("branch");
}

export default async function RfcLayout({ children, params }: Props) {
  const { slug } = await params;
  const rfc = await getRfcForView(slug);
  if (!rfc) notFound();
  const branch = requestedBranch((await headers()).get(PATH_HEADER), slug);
  if (branch && branch !== "main") {
    const branches = await listBranchesForView(slug, await getCurrentUser());
    if (!branches.some((b) => b.name === branch)) notFound();
  }
  return children;
}

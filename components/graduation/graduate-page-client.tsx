"use client";

import { useRouter } from "next/navigation";
import { GraduateDialog } from "./graduate-dialog";

/** The dialog as a page of its own: closing it goes to the RFC. */
export function GraduatePageClient({ slug }: { slug: string }) {
  const router = useRouter();
  return <GraduateDialog slug={slug} open onClose={() => router.push(`/rfcs/${encodeURIComponent(slug)}`)} />;
}

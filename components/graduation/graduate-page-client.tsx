"use client";

import { useNavigate } from "@/components/navigation/navigation-watchdog";
import { GraduateDialog } from "./graduate-dialog";

/** The dialog as a page of its own: closing it goes to the RFC. */
export function GraduatePageClient({ slug }: { slug: string }) {
  const navigate = useNavigate();
  return <GraduateDialog slug={slug} open onClose={() => navigate(`/rfcs/${encodeURIComponent(slug)}`)} />;
}

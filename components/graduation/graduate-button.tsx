"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { GraduateDialog } from "./graduate-dialog";

/** The "Graduate" button the RFC view places on a super-draft (§13.2). */
export function GraduateButton({ slug, className }: { slug: string; className?: string }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  // A claim, a merged blocking PR or a graduation may have changed the page behind the dialog.
  const close = () => {
    setOpen(false);
    router.refresh();
  };
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        className={className ?? "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"}
      >
        Graduate
      </button>
      <GraduateDialog slug={slug} open={open} onClose={close} />
    </>
  );
}

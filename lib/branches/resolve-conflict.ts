import { AppError } from "@/lib/http/errors";
import { conflictHunks, type MergeSegment } from "@/lib/markdown/merge-blocks";
import type { MergeConflictDetails } from "@/lib/contracts";

// §12 the 409 of an update from main that needs a person: the conflicting
// hunks as before (`files`), and what the resolution view needs to rebuild
// the whole document — the merge's pieces in order and the two heads they
// were read at, which the resolution is checked against when it comes back.

export function mergeConflict(a: { name: string; path: string; mainSha: string; headSha: string; segments: MergeSegment[]; moved: boolean }): AppError {
  const details: MergeConflictDetails = {
    files: [{ path: a.path, hunks: conflictHunks(a.segments) }],
    resolve: { path: a.path, mainSha: a.mainSha, headSha: a.headSha, segments: a.segments },
  };
  const message = a.moved
    ? `Main or ${a.name} moved while you were resolving; look at the passages again`
    : `Main and ${a.name} changed the same passages; choose what each should say`;
  return new AppError("conflict", message, details);
}

import { stopMergeWatches } from "@/lib/cache/merge-watch";

// The cache re-reads a PR Gitea is still checking on timers (lib/cache/
// merge-watch.ts); none of them may outlive the test file's forge and database.
afterAll(() => stopMergeWatches());

// The words of the demo content (scripts/seed-demo.ts).

export const DEMO_TEXT = {
  superDraft: {
    slug: "streaming-sync",
    title: "Streaming sync for large documents",
    tags: ["sync", "performance"],
    summary: `# Streaming sync for large documents

## Summary

Send document changes as a stream of small operations instead of whole
files, so that editing a 2 MB RFC feels as quick as editing a short one.

## Motivation

Saving a large document today re-uploads every byte. On slow links a save
takes seconds and two people editing at once see each other's changes late.

## Open questions

- How do we resume a stream after a dropped connection?
- Do we need operation compaction on the server, or is Git enough?`,
  },
  active: {
    slug: "event-log",
    title: "An append-only event log for audit",
    tags: ["storage", "audit"],
    body: `# An append-only event log for audit

## Summary

Record every write as an immutable event with who, what and when, so that
any state can be explained and replayed.

## Design

Events are appended to a log table; readers build views from it. Events are
never updated or deleted.

## Alternatives

- Row-level history tables: simpler, but history is scattered.
- Git as the log: already the truth for documents, too coarse for the rest.
`,
  },
  /** A branch of the active RFC with one edit by alice (§8.3, §8.11). */
  activeBranch: {
    name: "retention",
    from: "Events are appended to a log table; readers build views from it. Events are\nnever updated or deleted.",
    to: "Events are appended to a log table; readers build views from it. Events are\nnever updated; they are deleted only when their retention period ends.",
    subject: "Edit Design on retention",
  },
  withdrawn: {
    slug: "audit-history-tables",
    title: "History tables for auditing",
    tags: ["storage"],
    summary: `# History tables for auditing

Keep a history table per audited table, filled by triggers.`,
  },
  pending: {
    slug: "offline-editing",
    title: "Offline editing",
    tags: ["editor"],
    summary: "Let people keep editing a branch while offline and flush their changes when they are back.",
  },
};

// A hand-written entry with comments, an unknown key, a flow list and a body.
export const HAND_WRITTEN = `---
slug: streaming-sync
title: "Streaming sync: a proposal"
state: super-draft
id:
repo: ""
proposed_by: alice
proposed_at: 2025-03-01T10:00:00Z
graduated_at: ""
graduated_by: ""
# owners are Gitea logins
owners:
  - alice
  - bob
arbiters: []
tags: [sync, protocol]
review_board:
  chair: dave
  quorum: 3
---
# Streaming sync

Why we need it.

- one
- two
`;

export const lineDiff = (a: string, b: string) => {
  const x = a.split("\n");
  const y = b.split("\n");
  const changed: number[] = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) changed.push(i);
  return changed;
};

// The live streams a page can follow (issue 14 "nothing missed"), named once
// for the server that publishes and the browser that subscribes. A topic is
// `<kind>:<key>`; slugs, branch names and thread ids never hold ":" (§11), so
// the parts split back unambiguously.

export type TopicRef =
  /** A thread's messages and the changes proposed in it (§8.4). */
  | { kind: "thread"; threadId: string }
  /** A branch's change cards, its head and its sub-threads (§8.8, §8.11). */
  | { kind: "branch"; slug: string; branch: string }
  /** An RFC's lifecycle: `changed` when its entry or meta PRs change, for everyone who can read it (§3). */
  | { kind: "rfc"; slug: string }
  /** An RFC's flags, for its owners, arbiters and admins (§8.13). */
  | { kind: "flags"; slug: string }
  /** One person's notifications (§15). */
  | { kind: "user"; userId: number };

export const threadTopic = (threadId: string) => `thread:${threadId}`;
export const branchTopic = (slug: string, branch: string) => `branch:${slug}:${branch}`;
export const rfcTopic = (slug: string) => `rfc:${slug}`;
export const flagsTopic = (slug: string) => `flags:${slug}`;
export const userTopic = (userId: number) => `user:${userId}`;
/** The signed-in person's notifications, as a browser names them (it may not know its user id). */
export const MY_NOTIFICATIONS = "me";

/** The topic a name stands for, or null for a name no stream has. */
export function parseTopic(name: string): TopicRef | null {
  const [kind, ...rest] = name.split(":");
  if (kind === "thread" && rest.length === 1 && rest[0]) return { kind, threadId: rest[0] };
  if (kind === "branch" && rest.length === 2 && rest[0] && rest[1]) return { kind, slug: rest[0], branch: rest[1] };
  if ((kind === "rfc" || kind === "flags") && rest.length === 1 && rest[0]) return { kind, slug: rest[0] };
  if (kind === "user" && rest.length === 1 && /^\d+$/.test(rest[0])) return { kind, userId: Number(rest[0]) };
  return null;
}

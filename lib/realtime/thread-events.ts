import type { LiveEventInput } from "./log";
import { branchTopic, threadTopic } from "./topics";

// The events of a thread and of a branch's cards (§8.4, §8.8), as live
// events (lib/realtime/publish.ts): a thread's stream carries its messages
// and the changes proposed in it; a branch's stream carries every change
// card of the branch, whichever thread proposed it, so every viewer's
// Changes tab follows (issue 14).

export type ThreadEventType = "message" | "message_updated" | "change" | "change_updated";
export type ThreadEvent = { type: ThreadEventType; data: { id: string } & Record<string, unknown> };

export const threadEvent = (threadId: string, e: ThreadEvent): LiveEventInput => ({ topic: threadTopic(threadId), ...e });

type ChangeWhere = { threadId: string | null; rfcSlug: string; branch: string };

/** A change created or updated: on its thread's stream and its branch's. */
export function changeEvents(where: ChangeWhere, type: "change" | "change_updated", data: ThreadEvent["data"]): LiveEventInput[] {
  const events: LiveEventInput[] = [{ topic: branchTopic(where.rfcSlug, where.branch), type, data }];
  if (where.threadId) events.push(threadEvent(where.threadId, { type, data }));
  return events;
}

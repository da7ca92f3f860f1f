// In-process pub/sub for thread events (§8.4): the messages route publishes,
// each open SSE stream (GET /api/threads/{id}/events) subscribes. Held on
// globalThis so every route module (bundled separately by Next) shares it.
// One server process, as §2 describes; a second process would need a broker.

export type ThreadEvent = {
  type: "message" | "message_updated" | "change" | "change_updated";
  data: { id: string } & Record<string, unknown>;
};
type Listener = (event: ThreadEvent) => void;

const g = globalThis as unknown as { quorumThreadBus?: Map<string, Set<Listener>> };
const topics = (g.quorumThreadBus ??= new Map());

/** Subscribes to one thread; returns the unsubscribe function. */
export function subscribe(threadId: string, listener: Listener): () => void {
  let set = topics.get(threadId);
  if (!set) topics.set(threadId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && topics.get(threadId) === set) topics.delete(threadId);
  };
}

/** Sends an event to every subscriber of the thread; a failing listener never stops the others. */
export function publish(threadId: string, event: ThreadEvent): void {
  for (const listener of [...(topics.get(threadId) ?? [])]) {
    try {
      listener(event);
    } catch (err) {
      console.error("[quorum] thread listener failed", err);
    }
  }
}

export const subscriberCount = (threadId: string) => topics.get(threadId)?.size ?? 0;

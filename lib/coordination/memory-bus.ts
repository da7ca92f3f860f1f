import type { Bus, Listener } from "./bus";

/** The in-process bus: listeners by topic; an idle topic holds no memory. */
export function createMemoryBus(): Bus {
  const topics = new Map<string, Set<Listener>>();
  return {
    publish(topic, message) {
      for (const listener of [...(topics.get(topic) ?? [])]) {
        try {
          listener(message);
        } catch (err) {
          console.error(`[quorum] a listener of ${topic} failed:`, err);
        }
      }
    },
    subscribe(topic, listener) {
      let set = topics.get(topic);
      if (!set) topics.set(topic, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && topics.get(topic) === set) topics.delete(topic);
      };
    },
  };
}

import { channel } from "@/lib/coordination/bus";

// Thread events (§8.4): the messages route, the AI reply and change
// decisions publish; each open SSE stream (GET /api/threads/{id}/events)
// subscribes to its thread. Carried by the app's one bus (lib/coordination).

export type ThreadEvent = {
  type: "message" | "message_updated" | "change" | "change_updated";
  data: { id: string } & Record<string, unknown>;
};

export const threadEvents = channel<ThreadEvent>("thread");

// GET /api/threads/{threadId}/events — SSE of new and updated messages and changes for other viewers (§8.4)
import { getRequestUser } from "@/lib/auth/session";
import { decodeParam, withRoute } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { threadEvents } from "@/lib/realtime/thread-events";
import { loadThreadOrThrow } from "@/lib/threads/access";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ threadId: string }>(async (req, ctx) => {
  // The visibility check happens before the stream opens: a private branch's thread is a 404 (§6).
  const { thread } = await loadThreadOrThrow(decodeParam((await ctx.params).threadId, "threadId"), await getRequestUser(req));
  return sseResponse(
    (send, signal) =>
      new Promise<void>((resolve) => {
        send("ready", { threadId: thread.id });
        const unsubscribe = threadEvents.subscribe(thread.id, (event) => send(event.type, event.data, event.data.id));
        const stop = () => {
          unsubscribe();
          resolve();
        };
        if (signal.aborted) stop();
        else signal.addEventListener("abort", stop, { once: true });
      }),
    { signal: req.signal, where: `thread events ${thread.id}` },
  );
});

// GET /api/threads/{threadId}/events — SSE of new and updated messages and changes for other viewers (§8.4)
import { z } from "zod";
import { getRequestUser } from "@/lib/auth/session";
import { decodeParam, readQuery, withRoute } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { resumeFrom } from "@/lib/realtime/cursor";
import { followTopics } from "@/lib/realtime/follow";
import { topicSeq } from "@/lib/realtime/log";
import { threadTopic } from "@/lib/realtime/topics";
import { loadThreadOrThrow } from "@/lib/threads/access";

export const dynamic = "force-dynamic";

const querySchema = z.object({ since: z.string().optional() });

// One thread's stream (the RFC view follows it through GET /api/live). Each
// event's SSE id is its number in the thread, so a reconnect resumes with
// Last-Event-ID; `since` is the `liveSeq` of GET …/messages. Without either
// it starts from now, as it always did.
export const GET = withRoute<{ threadId: string }>(async (req, ctx) => {
  // The visibility check happens before the stream opens: a private branch's thread is a 404 (§6).
  const { thread } = await loadThreadOrThrow(decodeParam((await ctx.params).threadId, "threadId"), await getRequestUser(req));
  const topic = threadTopic(thread.id);
  const { since } = querySchema.parse(readQuery(req));
  const [from] = since === undefined && !req.headers.get("last-event-id") ? [await topicSeq(topic)] : resumeFrom(req, since, 1);
  return sseResponse(
    (send, signal) =>
      followTopics(
        [{ topic, since: from }],
        {
          event: (_i, type, data, seq) => send(type, data, seq === null ? undefined : String(seq)),
          reset: (_i, seq) => send("reset", { seq }, String(seq)),
          ready: () => send("ready", { threadId: thread.id }),
        },
        signal,
      ),
    { signal: req.signal, where: `thread events ${thread.id}` },
  );
});

// GET /api/live?topics=a,b&since=3.0 — one SSE stream for every live topic a page follows (issue 14)
import { z } from "zod";
import { getRequestUser } from "@/lib/auth/session";
import { readQuery, withRoute } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { toAppError } from "@/lib/http/to-app-error";
import { formatCursor, resumeFrom } from "@/lib/realtime/cursor";
import { followTopics } from "@/lib/realtime/follow";
import { authorizeTopic } from "@/lib/realtime/topic-access";

export const dynamic = "force-dynamic";

// One connection per page, whatever it follows: browsers allow six HTTP/1.1
// connections per host, and a page with a connection per stream (chat,
// cards, flags, bell) would starve a second tab.
const MAX_TOPICS = 8;

const querySchema = z.object({
  topics: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.string().max(300)).min(1, "name at least one topic").max(MAX_TOPICS)),
  since: z.string().optional(),
});

export const GET = withRoute(async (req) => {
  const { topics, since } = querySchema.parse(readQuery(req));
  const seqs = resumeFrom(req, since, topics.length);
  const user = await getRequestUser(req);
  // Each topic is checked as its own read would be; one the user may not follow is named and left out.
  const access = await Promise.all(topics.map((t) => authorizeTopic(t, user).then((topic) => ({ topic }), (err: unknown) => ({ err: toAppError(err, "live topic") }))));
  return sseResponse(
    async (send, signal) => {
      const followed: number[] = [];
      access.forEach((a, i) => {
        if ("err" in a) send("denied", { topic: topics[i], code: a.err.code, message: a.err.message });
        else followed.push(i);
      });
      const id = () => formatCursor(seqs);
      await followTopics(
        followed.map((i) => ({ topic: (access[i] as { topic: string }).topic, since: seqs[i] })),
        {
          event(k, type, data, seq) {
            const i = followed[k];
            if (seq !== null) seqs[i] = seq;
            send(type, { topic: topics[i], seq, data }, seq !== null ? id() : undefined);
          },
          reset(k, seq) {
            const i = followed[k];
            seqs[i] = seq;
            send("reset", { topic: topics[i], seq }, id());
          },
          ready: () => send("ready", { topics, seqs: [...seqs] }, id()),
        },
        signal,
      );
    },
    { signal: req.signal, where: "live stream" },
  );
});

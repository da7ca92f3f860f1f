// POST /api/threads/{threadId}/messages/{messageId}/stop — end an AI reply early (issue 14)
import { stopAiReply } from "@/lib/ai/chat/stop-reply";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam } from "@/lib/http/route";
import { loadThreadOrThrow } from "@/lib/threads/access";

export const dynamic = "force-dynamic";

export const POST = withMutation<{ threadId: string; messageId: string }>(async (_req, ctx, user) => {
  const p = await ctx.params;
  const { thread, rfc } = await loadThreadOrThrow(decodeParam(p.threadId, "threadId"), user);
  // The asker or the RFC's owners (and admins) may stop it: checked against who asked (stopAiReply).
  const message = await stopAiReply({ thread, rfc, messageId: decodeParam(p.messageId, "messageId"), user });
  return Response.json({ message }, { status: 202 });
});

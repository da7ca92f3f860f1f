// GET /api/threads/{threadId}/messages — a thread, its messages and its changes;
// POST — post a message as the signed-in user (§8.4)
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { getRequestUser } from "@/lib/auth/session";
import { startAiReply, wantsAiReply } from "@/lib/ai/chat/start-reply";
import { AppError } from "@/lib/http/errors";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam, readJson, withRoute } from "@/lib/http/route";
import { notifyMentions } from "@/lib/notifications/events";
import { topicSeq } from "@/lib/realtime/log";
import { threadTopic } from "@/lib/realtime/topics";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";
import { loadThreadOrThrow } from "@/lib/threads/access";
import { changesVisibleTo } from "@/lib/threads/visible-changes";
import { listThreadMessages, postUserMessage } from "@/lib/threads/messages";
import { toThreadView } from "@/lib/threads/thread-view";

export const dynamic = "force-dynamic";
type Params = { threadId: string };

export const GET = withRoute<Params>(async (req, ctx) => {
  const user = await getRequestUser(req);
  const { thread, rfc, branch } = await loadThreadOrThrow(decodeParam((await ctx.params).threadId, "threadId"), user);
  // Only sub-threads need the text, to say where their anchor is now (§8.12).
  const text = thread.kind === "main" || branch.state === "deleted" ? null : (await readDocumentAt(branch.place)).text;
  // The stream's number first: whatever is logged after it is replayed to whoever follows from it (issue 14).
  const liveSeq = await topicSeq(threadTopic(thread.id));
  const { messages, changes } = await listThreadMessages(thread);
  return Response.json({ thread: await toThreadView(thread, text), messages, changes: await changesVisibleTo(rfc, branch.name, changes, user), liveSeq });
});

const postSchema = z.object({
  body: z.string().trim().min(1, "Write something").max(20_000),
  askAi: z.boolean().optional(),
  model: z.string().optional(),
});

export const POST = withMutation<Params>(async (req, ctx, user) => {
  const { thread, rfc, branch } = await loadThreadOrThrow(decodeParam((await ctx.params).threadId, "threadId"), user);
  const input = postSchema.parse(await readJson(req));
  assertCan(user, "chat", { rfc: rfc.scope, branch: branch.scope });
  if (branch.state === "deleted") throw new AppError("conflict", `${branch.name} was deleted; its conversation is read-only (§11.5)`);
  // Humans can just talk (§8.4). Asking the AI (askAi / "@ai") streams its reply as SSE (§18).
  if (wantsAiReply(input)) return startAiReply({ req, user, thread, rfc, branch, body: input.body, model: input.model });
  const message = await postUserMessage({ threadId: thread.id, author: user, body: input.body });
  // Off the answer's path: a mention never slows or fails the post (§15).
  void notifyMentions({ slug: rfc.slug, branch: branch.name, threadId: thread.id, threadKind: thread.kind, messageId: message.id, body: input.body, author: user });
  return Response.json({ message }, { status: 201 });
});

// GET /api/rfcs/{slug}/branches/{branch}/threads — main thread (created on first read) and sub-threads with anchor states;
// POST — open a range or paragraph sub-thread with its first message (§8.12)
import { z } from "zod";
import { anchorSchema } from "@/lib/anchors";
import { assertCan } from "@/lib/auth/permissions";
import { getRequestUser } from "@/lib/auth/session";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { AppError } from "@/lib/http/errors";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam, readJson, withRoute } from "@/lib/http/route";
import { notifyMentions } from "@/lib/notifications/events";
import { readDocumentAt } from "@/lib/rfc-docs/read-document";
import { createSubThread, listThreads } from "@/lib/threads/sub-threads";
import { toThreadView } from "@/lib/threads/thread-view";

export const dynamic = "force-dynamic";
type Params = { slug: string; branch: string };

export const GET = withRoute<Params>(async (req, ctx) => {
  const p = await ctx.params;
  const { rfc, branch } = await loadRfcBranchOrThrow(decodeParam(p.slug, "slug"), decodeParam(p.branch, "branch"), await getRequestUser(req));
  // A deleted branch has no text: its threads stay readable with unknown anchor states (§11.5).
  const text = branch.state === "deleted" ? null : (await readDocumentAt(branch.place)).text;
  return Response.json({ threads: await listThreads({ slug: rfc.slug, branch: branch.name, text }) });
});

const createSchema = z
  .object({
    kind: z.enum(["range", "paragraph"]),
    anchor: anchorSchema,
    body: z.string().trim().min(1, "Write something").max(20_000),
  })
  .refine((t) => t.kind === t.anchor.kind, { message: "anchor.kind must match kind", path: ["anchor", "kind"] });

export const POST = withMutation<Params>(async (req, ctx, user) => {
  const p = await ctx.params;
  const { rfc, branch } = await loadRfcBranchOrThrow(decodeParam(p.slug, "slug"), decodeParam(p.branch, "branch"), user);
  const input = createSchema.parse(await readJson(req));
  assertCan(user, "subthread", { rfc: rfc.scope, branch: branch.scope });
  if (branch.state === "deleted") throw new AppError("conflict", `${branch.name} was deleted; its conversation is read-only`);
  const { thread, message } = await createSubThread({ slug: rfc.slug, branch: branch.name, author: user, anchor: input.anchor, body: input.body });
  // Its first message mentions people like any other (§15), off the answer's path.
  void notifyMentions({ slug: rfc.slug, branch: branch.name, threadId: thread.id, threadKind: thread.kind, messageId: message.id, body: input.body, author: user });
  const text = (await readDocumentAt(branch.place)).text;
  return Response.json({ thread: await toThreadView(thread, text), message }, { status: 201 });
});

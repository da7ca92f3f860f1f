// POST /api/changes/{changeId}/repair — ask the model that proposed an invalid change for a corrected block (issue 16)
import { requestRepair } from "@/lib/ai/chat/request-repair";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam } from "@/lib/http/route";

export const POST = withMutation<{ changeId: string }>(async (_req, ctx, user) => {
  const change = await requestRepair({ changeId: decodeParam((await ctx.params).changeId, "changeId"), user });
  return Response.json({ change });
});

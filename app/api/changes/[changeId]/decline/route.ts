// POST /api/changes/{changeId}/decline — record that a change was declined, and by whom (§8.9)
import { declineChange } from "@/lib/changes/decide/decline";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam } from "@/lib/http/route";

export const POST = withMutation<{ changeId: string }>(async (_req, ctx, user) => {
  const change = await declineChange({ changeId: decodeParam((await ctx.params).changeId, "changeId"), user });
  return Response.json({ change });
});

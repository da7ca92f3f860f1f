// POST /api/changes/{changeId}/accept — commit a change to its branch, optionally edited first (§8.9)
import { z } from "zod";
import { acceptChange } from "@/lib/changes/decide/accept";
import { withMutation } from "@/lib/http/mutation";
import { decodeParam, readJson } from "@/lib/http/route";

const acceptSchema = z.object({
  // Edit-before-accept: the person's text replaces the AI's proposal (§8.9).
  editedText: z.string().max(200_000).optional(),
});

export const POST = withMutation<{ changeId: string }>(async (req, ctx, user) => {
  const input = acceptSchema.parse(await readJson(req));
  const changeId = decodeParam((await ctx.params).changeId, "changeId");
  // Permission (edit_branch), the stale rule (409) and the commit live in lib/changes/decide.
  const { change, commitSha, staleChangeIds } = await acceptChange({ changeId, user, editedText: input.editedText });
  return Response.json({ change, commitSha, staleChangeIds });
});

// POST /api/changes/accept-batch — "Accept selected": several changes of one branch as one commit (§8.9)
import { z } from "zod";
import { acceptBatch } from "@/lib/changes/decide/accept-batch";
import { withMutation } from "@/lib/http/mutation";
import { readJson } from "@/lib/http/route";

const batchSchema = z.object({
  changeIds: z.array(z.string().min(1).max(64)).min(1, "Select at least one change").max(50, "At most 50 changes at once"),
});

export const POST = withMutation(async (req, _ctx, user) => {
  const input = batchSchema.parse(await readJson(req));
  const { changes, commitSha, staleChangeIds } = await acceptBatch({ changeIds: input.changeIds, user });
  return Response.json({ changes, commitSha, staleChangeIds });
});

// POST /api/flags — flag a message or a passage (§8.13)
import { assertCan } from "@/lib/auth/permissions";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { createFlag, createFlagSchema } from "@/lib/flags/flags";
import { withMutation } from "@/lib/http/mutation";
import { readJson } from "@/lib/http/route";
import { notifyFlag } from "@/lib/notifications/events";

export const POST = withMutation(async (req, _ctx, user) => {
  const input = createFlagSchema.parse(await readJson(req));
  const { rfc, branch } = await loadRfcBranchOrThrow(input.rfcSlug, input.branch, user);
  assertCan(user, "flag", { rfc: rfc.scope, branch: branch.scope });
  const flag = await createFlag(input, user.id);
  await notifyFlag(rfc, flag, user);
  return Response.json({ flag }, { status: 201 });
});

// POST /api/flags — flag a message or a passage (§8.13)
import { assertCan } from "@/lib/auth/permissions";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { createFlag, createFlagSchema } from "@/lib/flags/flags";
import { withMutation } from "@/lib/http/mutation";
import { readJson } from "@/lib/http/route";

export const POST = withMutation(async (req, _ctx, user) => {
  const input = createFlagSchema.parse(await readJson(req));
  const { rfc, branch } = await loadRfcBranchOrThrow(input.rfcSlug, input.branch, user);
  assertCan(user, "flag", { rfc: rfc.scope, branch: branch.scope });
  return Response.json({ flag: await createFlag(input, user.id) }, { status: 201 });
});

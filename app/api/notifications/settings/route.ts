// GET, PUT /api/notifications/settings — how notifications reach the signed-in person besides the bell (issue 14)
import { requireRequestUser } from "@/lib/auth/session";
import { withMutation } from "@/lib/http/mutation";
import { readJson, withRoute } from "@/lib/http/route";
import { readMailSettings, saveMailSettings, mailSettingsSchema } from "@/lib/notifications/settings";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (req) => Response.json(await readMailSettings((await requireRequestUser(req)).id)));

export const PUT = withMutation(async (req, _ctx, user) => {
  const input = mailSettingsSchema.parse(await readJson(req));
  return Response.json(await saveMailSettings(user.id, input));
});

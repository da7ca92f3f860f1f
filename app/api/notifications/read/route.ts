// POST /api/notifications/read — mark some ({ ids }) or all ({ all: true }) of one's notifications read (§15, §17)
import { z } from "zod";
import { withMutation } from "@/lib/http/mutation";
import { readJson } from "@/lib/http/route";
import { markRead } from "@/lib/notifications/list";

export const dynamic = "force-dynamic";

const bodySchema = z.union([z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100) }).strict(), z.object({ all: z.literal(true) }).strict()]);

// Only one's own: markRead is scoped by the session's user id, so another's id changes nothing.
export const POST = withMutation(async (req, _ctx, user) => {
  const which = bodySchema.parse(await readJson(req));
  return Response.json(await markRead(user.id, which));
});

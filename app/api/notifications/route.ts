// GET /api/notifications?after=&limit= — the signed-in person's notifications, newest first, with the unread count (§15, §17)
import { z } from "zod";
import { requireRequestUser } from "@/lib/auth/session";
import { readQuery, withRoute } from "@/lib/http/route";
import { listNotifications, PAGE_SIZE } from "@/lib/notifications/list";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(PAGE_SIZE),
});

export const GET = withRoute(async (req) => {
  const user = await requireRequestUser(req);
  const { after, limit } = querySchema.parse(readQuery(req));
  return Response.json(await listNotifications(user.id, { after, limit }));
});

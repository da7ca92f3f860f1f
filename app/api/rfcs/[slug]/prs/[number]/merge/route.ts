// POST /api/rfcs/{slug}/prs/{number}/merge — merge a branch's PR into main through the bot (§9)
import { settleRoute } from "@/lib/prs/settle-route";

export const POST = settleRoute("merge");

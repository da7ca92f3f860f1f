// POST /api/rfcs/{slug}/prs/{number}/close — close a branch's PR without merging (§9)
import { settleRoute } from "@/lib/prs/settle-route";

export const POST = settleRoute("close");

import { db } from "@/lib/db/client";
import { isDbError } from "@/lib/db/errors";

/**
 * Records a delivery id; false when it was seen before (§4.1 de-duplication:
 * a repeated delivery does nothing). The insert is the check, so two copies
 * arriving at once cannot both pass.
 */
export async function recordDelivery(id: string, event: string, repo: string | null): Promise<boolean> {
  try {
    await db().webhookDelivery.create({ data: { id, event, repo } });
    return true;
  } catch (err) {
    if (isDbError(err, "P2002")) return false;
    throw err;
  }
}

// GET /api/rfcs — the catalog as JSON (§17): the catalog's filters (state, tag, owner, q), pages by cursor
import { z } from "zod";
import { decodeCursor } from "@/lib/catalog/cursor";
import { catalogFilterFields } from "@/lib/catalog/filters";
import { listRfcPage } from "@/lib/db/queries/rfc-pages";
import { readQuery, withRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const { state, tag, owner, q } = catalogFilterFields;
const query = z.strictObject({
  state: state.optional(),
  tag: tag.optional(),
  owner: owner.optional(),
  q: q.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const GET = withRoute(async (req) => {
  const params = Object.fromEntries(Object.entries(readQuery(req)).filter(([, v]) => v.trim() !== "")); // an empty value is no filter
  const { cursor, limit, ...filters } = query.parse(params); // an unknown or malformed parameter is a 422 naming it
  const page = await listRfcPage({ filters, after: cursor ? decodeCursor(cursor) : null, limit });
  return Response.json(page);
});

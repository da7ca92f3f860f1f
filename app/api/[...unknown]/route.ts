// ANY /api/… that no other route serves — 404 as JSON (§17 errors), not Next's HTML page
import { errorResponse } from "@/lib/http/response";

export const dynamic = "force-dynamic";

const notFound = async (req: Request) => errorResponse("not_found", `No API route ${new URL(req.url).pathname}`);

export { notFound as DELETE, notFound as GET, notFound as HEAD, notFound as OPTIONS, notFound as PATCH, notFound as POST, notFound as PUT };

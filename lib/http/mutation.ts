import { requireRequestUser, type SessionUser } from "@/lib/auth/session";
import { type RouteContext, withRoute } from "./route";
import { assertSameOrigin } from "./same-origin";

type Params = Record<string, string | string[]>;
type MutationHandler<P extends Params> = (req: Request, ctx: RouteContext<P>, user: SessionUser) => Promise<Response>;

/**
 * The wrapper for every mutating route handler (docs/ARCHITECTURE.md):
 * withRoute's error mapping, then the same-origin check (403 `cross_site`),
 * then the signed-in user (401 otherwise), handed to the handler. The
 * handler still calls assertCan() with its resource (§6): signing in only
 * makes someone a contributor.
 *
 *   export const POST = withMutation<{ slug: string }>(async (req, ctx, user) => { … });
 */
export function withMutation<P extends Params = Params>(handler: MutationHandler<P>) {
  return withRoute<P>(async (req, ctx) => {
    assertSameOrigin(req); // first: a forged request learns nothing, not even whether the session is valid
    const user = await requireRequestUser(req);
    return handler(req, ctx, user);
  });
}

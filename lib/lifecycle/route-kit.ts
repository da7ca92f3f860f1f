import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { getConfig } from "@/lib/config";
import { decodeParam, readJson, type RouteContext } from "@/lib/http/route";
import { loadRfcOrThrow, type RfcContext } from "@/lib/rfcs/context";
import type { LifecycleView } from "@/lib/contracts/lifecycle";
import { lifecycleSweep } from "./sweep";
import { getLifecycleView } from "./view";

// Shared by the lifecycle routes (withdraw, decision, metadata, motion…):
// the RFC the path names, and what every write does afterwards — refresh
// the cache from Gitea (§4.1; the refresh announces the change to everyone
// with the RFC open) and answer the fresh lifecycle view.

export async function rfcOfRoute(ctx: RouteContext<{ slug: string }>): Promise<RfcContext> {
  return loadRfcOrThrow(decodeParam((await ctx.params).slug, "slug"));
}

export const bodyOf = (req: Request) => readJson(req);

export async function afterLifecycleWrite(rfc: RfcContext, user: Actor, opts: { repo?: boolean } = {}): Promise<LifecycleView> {
  const meta = await enqueueRefresh(getConfig().metaRepoFullName, { branches: true, entries: true, openPulls: true });
  if (!meta.ok) console.warn(`[quorum] refresh after a lifecycle write failed: ${meta.error}`);
  if (opts.repo && rfc.home.kind === "rfc") await enqueueRefresh(rfc.home.repo, { branches: true, openPulls: true });
  void lifecycleSweep(); // arms the timer for a period that just started, or records one that ended
  return getLifecycleView({ slug: rfc.slug, user });
}

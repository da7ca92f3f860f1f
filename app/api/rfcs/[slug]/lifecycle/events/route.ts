// GET /api/rfcs/{slug}/lifecycle/events — SSE: `changed` whenever the RFC's entry or meta PRs change, for every viewer (§3)
import { decodeParam, withRoute } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { onRfcChanged } from "@/lib/lifecycle/live";
import { loadRfcOrThrow } from "@/lib/rfcs/context";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ slug: string }>(async (req, ctx) => {
  const rfc = await loadRfcOrThrow(decodeParam((await ctx.params).slug, "slug")); // 404 before the stream opens
  return sseResponse(
    (send, signal) =>
      new Promise<void>((resolve) => {
        send("ready", { slug: rfc.slug });
        // The event only says "read it again": what each viewer may do differs (GET …/lifecycle).
        const unsubscribe = onRfcChanged(rfc.slug, () => send("changed", { slug: rfc.slug }));
        const stop = () => {
          unsubscribe();
          resolve();
        };
        if (signal.aborted) stop();
        else signal.addEventListener("abort", stop, { once: true });
      }),
    { signal: req.signal },
  );
});

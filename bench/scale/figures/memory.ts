import { mapLimit } from "@/lib/cache/pool";
import { SEARCHES } from "./reads";
import { agentFor, timedRequest } from "../http";
import { rssBytes } from "../proc";
import type { ScaleWorld } from "../world";

// "Server RSS after 10,000 mixed requests vs after start": the app's
// resident memory right after start (cache filled, no request yet), after
// one request of each kind, and after 10,000 requests mixing every read a
// reader makes (catalog pages and searches, the JSON list, RFC views, the
// document and the conversation of a branch), four at a time.

export type MemoryFigures = { startBytes: number; warmBytes: number; afterBytes: number; requests: number; errors: number };

export async function memoryFigures(w: ScaleWorld, opts: { slugs: string[]; branch: { slug: string; name: string; threadId: string }; total: number }): Promise<MemoryFigures> {
  const pid = w.appPid();
  const startBytes = rssBytes(pid);
  const { slug, name, threadId } = opts.branch;
  const kinds = [
    (i: number) => `/?page=${1 + (i % 3)}&state=super-draft`,
    () => `/`,
    (i: number) => `/?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length])}`,
    (i: number) => `/api/rfcs?limit=50${i % 2 ? "&state=active" : ""}`,
    (i: number) => `/rfcs/${opts.slugs[(i * 7919) % opts.slugs.length]}`,
    (i: number) => `/rfcs/${opts.slugs[(i * 104729) % opts.slugs.length]}`,
    () => `/api/rfcs/${slug}/branches/${encodeURIComponent(name)}/document`,
    () => `/api/threads/${threadId}/messages`,
    (i: number) => `/api/rfcs/${opts.slugs[i % opts.slugs.length]}`,
  ];
  for (const [i, k] of kinds.entries()) await timedRequest(`${w.appUrl}${k(i)}`);
  const warmBytes = rssBytes(pid);
  let errors = 0;
  const agent = agentFor(4);
  await mapLimit(
    Array.from({ length: opts.total }, (_, i) => i),
    4,
    async (i) => {
      const r = await timedRequest(`${w.appUrl}${kinds[i % kinds.length](i)}`, { agent });
      if (r.status !== 200) errors++;
    },
  );
  agent.destroy();
  return { startBytes, warmBytes, afterBytes: rssBytes(pid), requests: opts.total, errors };
}

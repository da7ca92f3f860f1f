import "server-only";
import { metaRepo } from "@/lib/bot/meta-entry";
import { parseMetaHead } from "@/lib/entries";
import { listPulls } from "@/lib/gitea";
import { conflict } from "@/lib/http/errors";

// The §9.8 gate of graduation, read from Gitea.

/**
 * §9.8: an open body-edit PR would put a body back into an entry that is
 * frontmatter-only after graduation. POST asks Gitea, not the cache, since a
 * PR opened a moment ago may not have reached the cache yet.
 */
export async function assertNoBlockingPrs(slug: string): Promise<void> {
  const open = await listPulls(metaRepo(), "open");
  const blocking = open.filter((pr) => {
    const head = parseMetaHead(pr.head?.ref ?? "");
    return head?.kind === "meta_body_edit" && head.slug === slug;
  });
  if (blocking.length) {
    const numbers = blocking.map((pr) => pr.number ?? 0);
    throw conflict(`Open body-edit PRs block graduation: ${numbers.map((n) => `#${n}`).join(", ")} (§9.8)`, { blockingPrs: numbers });
  }
}

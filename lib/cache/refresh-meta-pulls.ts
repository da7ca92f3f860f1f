import { getConfig } from "@/lib/config";
import { refreshRepoPulls, type PullsMode } from "./refresh-pulls";

/**
 * The meta repo's PRs (§9 kinds from the head branch; §7.3 pending ideas are
 * the open `idea` rows). See refreshRepoPulls for the modes.
 */
export async function refreshMetaPulls(mode: PullsMode): Promise<string[]> {
  return refreshRepoPulls(getConfig().metaRepoFullName, { isMeta: true, rfcSlug: null }, mode);
}

import { getConfig } from "@/lib/config";
import { getOrg } from "@/lib/gitea";

// The org's numeric id (for /repos/search?uid=) never changes: ask once per process.
const g = globalThis as unknown as { quorumOrgId?: { key: string; id: number } };

export async function orgId(): Promise<number> {
  const { giteaUrl, org } = getConfig();
  const key = `${giteaUrl}|${org}`;
  if (g.quorumOrgId?.key === key) return g.quorumOrgId.id;
  const found = await getOrg(org);
  g.quorumOrgId = { key, id: found.id ?? 0 };
  return g.quorumOrgId.id;
}

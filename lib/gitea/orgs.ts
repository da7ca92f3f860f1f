import type { Organization } from "gitea-js";
import { call, giteaClient } from "./client";

export async function getOrg(org: string): Promise<Organization> {
  return call(`get org ${org}`, () => giteaClient().orgs.orgGet(org));
}

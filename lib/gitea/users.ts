import { callOrNull, giteaClient } from "./client";

/** A Gitea user's login as Gitea spells it, or null when no such user exists (organisations are not people). */
export async function findUserLogin(login: string): Promise<string | null> {
  const user = await callOrNull(`get user ${login}`, () => giteaClient().users.userGet(login));
  if (!user || !user.login) return null;
  // GET /users/{name} also answers for an organisation; an org cannot own or arbitrate an RFC.
  const org = await callOrNull(`get org ${login}`, () => giteaClient().orgs.orgGet(login));
  return org ? null : user.login;
}

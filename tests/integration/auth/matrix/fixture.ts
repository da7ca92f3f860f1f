import { actorFrom, type BotActor } from "@/lib/bot/actor";
import { commitFiles } from "@/lib/bot/write-files";
import { cutBranch } from "@/lib/branches/cut";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { getConfig } from "@/lib/config";
import { entryPath, serializeNewEntry } from "@/lib/entries";
import { createOrgRepo, splitFullName } from "@/lib/gitea";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { useAppEnv as applyAppEnv } from "../../../helpers/app-env";
import { createTestDatabase } from "../../../helpers/db";
import { startTestForge, type TestForge } from "../../../helpers/forge";
import { ensureUser, sessionCookieFor } from "../../../helpers/session";

// The permission matrix's world: a fresh forge and database, one person per
// column of §6 and two RFCs they all act on — a super-draft in the meta repo
// and an active RFC with its own repo. olive owns both, arnold arbitrates
// both, bianca cuts the branches, cora is any contributor, ada an admin
// promoted by the owner, carol the owner (ADMIN_LOGINS).

export const PERSONAS = ["reader", "contributor", "branchCreator", "rfcOwner", "arbiter", "admin", "owner"] as const;
export type Persona = (typeof PERSONAS)[number];

export const LOGIN: Record<Exclude<Persona, "reader">, string> = {
  contributor: "cora",
  branchCreator: "bianca",
  rfcOwner: "olive",
  arbiter: "arnold",
  admin: "ada",
  owner: "carol",
};

export const DRAFT = "matrix-draft";
export const ACTIVE = "matrix-active";
export const ACTIVE_REPO = "rfcs/rfc-0042-matrix-active";
export const DOC = "# Matrix\n\nEvery route is checked for every role.\n\n## Scope\n\nRoutes and actions.\n";

const entry = (slug: string, state: "super-draft" | "active", repo: string, id: string, body: string) =>
  serializeNewEntry({
    slug, title: `Matrix ${state}`, state, id, repo, proposedBy: "cora", proposedAt: "2026-01-01T00:00:00Z",
    graduatedAt: "", graduatedBy: "", owners: ["olive"], arbiters: ["arnold"], tags: ["matrix"], body,
  });

export type Fixture = {
  forge: TestForge;
  /** The Cookie header of a persona (empty for the reader). */
  cookie(as: Persona): Promise<string>;
  actor(as: Exclude<Persona, "reader">): Promise<BotActor>;
  /** A fresh public branch cut by bianca (the branch creator) on `slug`. */
  /** A fresh branch of the branch creator's (public unless asked: a private one lives in their companion repo). */
  branch(slug?: string, visibility?: "public" | "private"): Promise<{ name: string; headSha: string }>;
  refresh(): Promise<void>;
  close(): Promise<void>;
};

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export async function setupMatrixFixture(): Promise<Fixture> {
  const forge = await startTestForge();
  applyAppEnv(forge, { ADMIN_LOGINS: "carol" });
  const database = createTestDatabase();
  for (const [persona, login] of Object.entries(LOGIN))
    await ensureUser({ login, name: `${login[0].toUpperCase()}${login.slice(1)}`, role: persona === "admin" ? "admin" : "contributor" });
  const system = actorFrom(await ensureUser({ login: "cora" }));
  const meta = splitFullName(getConfig().metaRepoFullName);
  await commitFiles({
    repo: meta, branch: "main", subject: "Seed matrix entries", actor: system, audit: { kind: "seed" },
    files: [
      { op: "create", path: entryPath(DRAFT), content: entry(DRAFT, "super-draft", "", "", DOC) },
      { op: "create", path: entryPath(ACTIVE), content: entry(ACTIVE, "active", ACTIVE_REPO, "RFC-0042", "") },
    ],
  });
  const [org, name] = ACTIVE_REPO.split("/");
  await createOrgRepo(org, { name, auto_init: true, default_branch: "main" });
  await commitFiles({
    repo: splitFullName(ACTIVE_REPO), branch: "main", subject: "Seed RFC.md", actor: system, audit: { kind: "seed" },
    files: [{ op: "create", path: "RFC.md", content: DOC }],
  });
  const refresh = async () => {
    await enqueueRefresh(getConfig().metaRepoFullName, { branches: true, entries: true, openPulls: true });
    await enqueueRefresh(ACTIVE_REPO, { branches: true, openPulls: true });
  };
  await refresh();
  const actor = async (as: Exclude<Persona, "reader">) => actorFrom(await ensureUser({ login: LOGIN[as] }));

  return {
    forge,
    actor,
    refresh,
    async cookie(as) {
      return as === "reader" ? "" : sessionCookieFor({ login: LOGIN[as] });
    },
    async branch(slug = DRAFT, visibility = "public") {
      const cut = await cutBranch({ rfc: await loadRfcOrThrow(slug), name: unique("b"), visibility, actor: await actor("branchCreator") });
      return { name: cut.name, headSha: cut.headSha };
    },
    async close() {
      await database.close();
      await forge.stop();
    },
  };
}

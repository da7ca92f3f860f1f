import { POST as cutBranchRoute } from "@/app/api/rfcs/[slug]/branches/route";
import { GET as threadsRoute } from "@/app/api/rfcs/[slug]/branches/[branch]/threads/route";
import { actorFrom } from "@/lib/bot/actor";
import { commitFiles } from "@/lib/bot/write-files";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { getConfig } from "@/lib/config";
import { entryPath, serializeNewEntry } from "@/lib/entries";
import { createOrgRepo, giteaClient, splitFullName } from "@/lib/gitea";
import { useAppEnv as pointAppAt } from "../../helpers/app-env";
import { createTestDatabase } from "../../helpers/db";
import { startTestForge, type TestForge, type TestForgeOptions } from "../../helpers/forge";
import { ensureUser, sessionCookieFor } from "../../helpers/session";

// The AI issue's fixture: a fresh forge and database with a super-draft
// (`cache-policy`, its document the meta entry's body) and an active RFC
// (`retry-budget`, RFC.md in its own repo). bob owns both; alice and erin
// are contributors (alice cuts the branches, so they are hers); carol is admin.

export const SUPER = "cache-policy";
export const ACTIVE = "retry-budget";
export const ACTIVE_REPO = "rfcs/rfc-0001-retry-budget";

export const DOC = [
  "# Cache policy",
  "",
  "We cache every response for five minutes.",
  "",
  "## Motivation",
  "",
  "Reads dominate: most pages are read **many times** per write.",
  "",
  "## Risks",
  "",
  "Stale reads are possible after a write.",
  "",
].join("\n");

export type Login = "alice" | "bob" | "carol" | "erin";
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
export type CallOpts = { as?: Login | null; method?: string; params?: Record<string, string>; body?: unknown; signal?: AbortSignal };

export type Fixture = {
  forge: TestForge;
  call: (handler: Handler, opts?: CallOpts) => Promise<Response>;
  cutBranch: (slug: string, name: string, as?: Login, visibility?: "public" | "private") => Promise<void>;
  mainThreadId: (slug: string, branch: string) => Promise<string>;
  commitMessage: (repo: string, sha: string) => Promise<{ message: string; parents: string[] }>;
  close: () => Promise<void>;
};

const entry = (slug: string, title: string, state: string, repo: string, id: string, body: string) =>
  serializeNewEntry({
    slug, title, state: state as "super-draft", id, repo, proposedBy: "alice", proposedAt: "2026-01-01T00:00:00Z",
    graduatedAt: "", graduatedBy: "", owners: ["bob"], arbiters: [], tags: ["infra"], body,
  });

/**
 * `database`: another database than a fresh SQLite file (the PostgreSQL tests); DATABASE_URL is set to it.
 * `forge`: which Gitea release the forge behaves like, and its check delay (tests/helpers/forge.ts).
 */
export async function setupFixture(
  aiEnv: Record<string, string>,
  opts: { database?: { url: string; close(): Promise<void> }; forge?: Pick<TestForgeOptions, "gitea" | "behaviour"> } = {},
): Promise<Fixture> {
  const forge = await startTestForge(opts.forge);
  pointAppAt(forge, aiEnv);
  if (opts.database) process.env.DATABASE_URL = opts.database.url;
  const database = opts.database ?? createTestDatabase();
  const system = actorFrom(await ensureUser({ login: "alice" }));
  for (const login of ["bob", "carol", "erin"]) await ensureUser({ login });
  await commitFiles({
    repo: splitFullName(getConfig().metaRepoFullName), branch: "main", subject: "Seed entries", actor: system, audit: { kind: "seed" },
    files: [
      { op: "create", path: entryPath(SUPER), content: entry(SUPER, "Cache policy", "super-draft", "", "", DOC) },
      { op: "create", path: entryPath(ACTIVE), content: entry(ACTIVE, "Retry budget", "active", ACTIVE_REPO, "RFC-0001", "") },
    ],
  });
  await createOrgRepo("rfcs", { name: "rfc-0001-retry-budget", auto_init: true, default_branch: "main" });
  await commitFiles({
    repo: splitFullName(ACTIVE_REPO), branch: "main", subject: "Seed RFC.md", actor: system, audit: { kind: "seed" },
    files: [{ op: "create", path: "RFC.md", content: DOC.replace("Cache policy", "Retry budget") }],
  });
  await enqueueRefresh(getConfig().metaRepoFullName, { branches: true, entries: true, openPulls: true });
  await enqueueRefresh(ACTIVE_REPO, { branches: true, openPulls: true });

  const call: Fixture["call"] = async (handler, { as = null, method = "GET", params = {}, body, signal } = {}) => {
    const headers: Record<string, string> = { origin: new URL(getConfig().appUrl).origin };
    if (as) headers.cookie = await sessionCookieFor({ login: as });
    if (body !== undefined) headers["content-type"] = "application/json";
    const req = new Request(`${getConfig().appUrl}/api/test`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    return handler(req, { params: Promise.resolve(params as never) });
  };
  return {
    forge,
    call,
    async cutBranch(slug, name, as = "alice", visibility = "public") {
      const res = await call(cutBranchRoute as Handler, { as, method: "POST", params: { slug }, body: { name, visibility } });
      if (res.status !== 201) throw new Error(`cut ${slug}/${name}: ${res.status} ${await res.text()}`);
    },
    async mainThreadId(slug, branch) {
      const res = await call(threadsRoute as Handler, { as: "alice", params: { slug, branch } });
      const { threads } = (await res.json()) as { threads: { id: string; kind: string }[] };
      return threads.find((t) => t.kind === "main")!.id;
    },
    async commitMessage(repo, sha) {
      const { owner, repo: name } = splitFullName(repo);
      const { data } = await giteaClient().repos.repoGetSingleCommit(owner, name, sha);
      return { message: data.commit?.message ?? "", parents: (data.parents ?? []).map((p) => p.sha ?? "") };
    },
    async close() {
      await database.close();
      await forge.stop();
    },
  };
}

import { actorFrom, type BotActor } from "@/lib/bot/actor";
import { commitFiles } from "@/lib/bot/write-files";
import { enqueueRefresh } from "@/lib/cache/refresh-queue";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { entryPath, serializeNewEntry } from "@/lib/entries";
import { createOrgRepo, splitFullName } from "@/lib/gitea";
import { useAppEnv as applyAppEnv } from "../../helpers/app-env";
import { createTestDatabase } from "../../helpers/db";
import { ensureUser, sessionCookieFor } from "../../helpers/session";
import { startTestForge, type TestForge, type TestForgeOptions } from "../../helpers/forge";

// The RFC view's integration fixture: a fresh forge and database, a
// super-draft (`cache-policy`, document = the meta entry body) and an active
// RFC (`retry-budget`, document = RFC.md in rfcs/rfc-0001-retry-budget).
// bob owns both, dora arbitrates, carol is admin (ADMIN_LOGINS), alice and
// erin are contributors.

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
  "Reads dominate: most pages are read many times per write.",
  "",
  "## Risks",
  "",
  "Stale reads are possible after a write.",
  "",
].join("\n");

export type Login = "alice" | "bob" | "carol" | "dora" | "erin";

const entry = (slug: string, title: string, state: string, repo: string, id: string, body: string) =>
  serializeNewEntry({
    slug, title, state: state as "super-draft", id, repo, proposedBy: "alice", proposedAt: "2026-01-01T00:00:00Z",
    graduatedAt: "", graduatedBy: "", owners: ["bob"], arbiters: ["dora"], tags: ["infra"],
    body, extra: { custom_key: "kept" },
  });

export type Fixture = {
  forge: TestForge;
  actor: (login: Login) => Promise<BotActor>;
  call: <P extends Params>(handler: Handler<P>, opts: CallOpts<P>) => Promise<Response>;
  refresh: () => Promise<void>;
  close: () => Promise<void>;
};

type Params = Record<string, string>;
// Route handlers as Next calls them: (request, { params }) — called in-process.
type Handler<P extends Params> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
type CallOpts<P extends Params> = { as?: Login | null; method?: string; params: P; body?: unknown; query?: string; signal?: AbortSignal };

/** `forge`: the Gitea release and behaviour of the forge (tests/helpers/forge.ts); `env`: more of the app's settings. */
export async function setupFixture(opts: { forge?: Pick<TestForgeOptions, "gitea" | "behaviour">; env?: Record<string, string> } = {}): Promise<Fixture> {
  const forge = await startTestForge(opts.forge);
  applyAppEnv(forge, opts.env);
  const database = createTestDatabase();
  const system = actorFrom(await ensureUser({ login: "alice" }));
  for (const login of ["bob", "carol", "dora", "erin"]) await ensureUser({ login });
  const meta = splitFullName(getConfig().metaRepoFullName);
  await commitFiles({
    repo: meta, branch: "main", subject: "Seed entries", actor: system, audit: { kind: "seed" },
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
  const refresh = async () => {
    await enqueueRefresh(getConfig().metaRepoFullName, { branches: true, entries: true, openPulls: true });
    await enqueueRefresh(ACTIVE_REPO, { branches: true, openPulls: true });
  };
  await refresh();
  return {
    forge,
    actor: async (login) => actorFrom(await ensureUser({ login })),
    refresh,
    async call(handler, { as = null, method = "GET", params, body, query, signal }) {
      const headers: Record<string, string> = { origin: new URL(getConfig().appUrl).origin };
      if (as) headers.cookie = await sessionCookieFor({ login: as });
      if (body !== undefined) headers["content-type"] = "application/json";
      const req = new Request(`${getConfig().appUrl}/api/test${query ? `?${query}` : ""}`, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal,
      });
      return handler(req, { params: Promise.resolve(params) });
    },
    async close() {
      await database.close();
      await forge.stop();
    },
  };
}

export const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;

/** The change rows a test needs (the AI issue creates them for real). */
export async function makeChange(data: { slug: string; branch: string; original: string; proposed?: string; status?: string; threadId?: string }) {
  return db().change.create({
    data: { rfcSlug: data.slug, branch: data.branch, original: data.original, proposed: data.proposed ?? "x", reason: "test", status: data.status ?? "pending", threadId: data.threadId ?? null },
  });
}

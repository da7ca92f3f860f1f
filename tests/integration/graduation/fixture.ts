import { actorFrom, type BotActor } from "@/lib/bot/actor";
import { metaRepo } from "@/lib/bot/meta-entry";
import { commitFiles } from "@/lib/bot/write-files";
import { enqueueRefresh, whenIdle } from "@/lib/cache/refresh-queue";
import { getConfig } from "@/lib/config";
import { entryPath, serializeNewEntry } from "@/lib/entries";
import { decodeBase64 } from "@/lib/gitea";
// Aliased: a name starting with "use" reads as a React hook to the linter.
import { useAppEnv as pointAppAt } from "@/tests/helpers/app-env";
import { createTestDatabase } from "@/tests/helpers/db";
import { startTestForge, type TestForge, type TestForgeOptions } from "@/tests/helpers/forge";
import { ensureUser, sessionCookieFor } from "@/tests/helpers/session";

// One graduation test file's world: a fresh forge, a temp SQLite file, and
// helpers to make a super-draft and to read Gitea directly (never the cache).

export type Fixture = Awaited<ReturnType<typeof startGraduationFixture>>;

export type DraftSpec = { slug: string; title?: string; owners?: string[]; arbiters?: string[]; tags?: string[]; body?: string; extra?: Record<string, unknown> };

/** `forge`: the Gitea release and behaviour of the forge (tests/helpers/forge.ts). */
export async function startGraduationFixture(opts: { forge?: Pick<TestForgeOptions, "gitea" | "behaviour"> } = {}) {
  const forge: TestForge = await startTestForge(opts.forge);
  pointAppAt(forge);
  const database = createTestDatabase();
  const seeder: BotActor = { userId: null, login: "seed", name: "Seed" };

  const api = async <T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> => {
    const res = await forge.api(`/api/v1${path}`, init);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };

  return {
    forge,
    database,
    org: () => getConfig().org,
    cookie: (login: string, role?: "admin" | "contributor") => sessionCookieFor({ login, role }),
    actor: async (login: string) => actorFrom(await ensureUser({ login })),

    /** §3 state 2 the direct way: the entry committed to main, then the cache refreshed. */
    async superDraft(spec: DraftSpec): Promise<string> {
      const text = serializeNewEntry({
        slug: spec.slug,
        title: spec.title ?? `Title of ${spec.slug}`,
        state: "super-draft",
        id: "",
        repo: "",
        proposedBy: "alice",
        proposedAt: "2026-01-02T03:04:05.000Z",
        graduatedAt: "",
        graduatedBy: "",
        owners: spec.owners ?? ["alice"],
        arbiters: spec.arbiters ?? ["carol"],
        tags: spec.tags ?? ["sync"],
        extra: spec.extra,
        body: spec.body ?? `# ${spec.slug}\n\nThe body of ${spec.slug}.\n`,
      });
      await commitFiles({
        repo: metaRepo(),
        branch: "main",
        files: [{ op: "create", path: entryPath(spec.slug), content: text }],
        subject: `Seed ${spec.slug}`,
        actor: seeder,
        audit: { kind: "test_seed", rfcSlug: spec.slug },
      });
      await this.refreshMeta();
      return text;
    },

    async refreshMeta() {
      const outcome = await enqueueRefresh(getConfig().metaRepoFullName, { entries: true, branches: true, openPulls: true });
      if (!outcome.ok) throw new Error(`refresh failed: ${outcome.error}`);
    },

    /** A file on a branch, read from the forge; null when absent. */
    async file(repo: string, path: string, ref = "main"): Promise<string | null> {
      const res = await api<{ content: string }>(`/repos/${repo}/contents/${path}?ref=${ref}`);
      return res.status === 200 ? decodeBase64(res.body.content) : null;
    },
    repoExists: async (repo: string) => (await api(`/repos/${repo}`)).status === 200,
    branchExists: async (repo: string, branch: string) => (await api(`/repos/${repo}/branches/${encodeURIComponent(branch)}`)).status === 200,
    async pulls(state: "open" | "closed" | "all") {
      const res = await api<{ number: number; state: string; merged: boolean; head: { ref: string; label: string } }[]>(`/repos/${getConfig().metaRepoFullName}/pulls?state=${state}&limit=50`);
      return res.body;
    },
    async commits(repo: string) {
      return (await api<{ sha: string; commit: { message: string } }[]>(`/repos/${repo}/commits?sha=main&limit=50`)).body;
    },
    async fault(spec: { method: string; path: string; status?: number; nth?: number; delayMs?: number; times?: number }) {
      const res = await forge.admin("/faults", { method: "POST", body: JSON.stringify({ status: 500, ...spec }) });
      if (res.status !== 201) throw new Error(`fault → ${res.status}`);
    },
    clearFaults: () => forge.admin("/faults", { method: "DELETE" }),
    forgeRequests: async () => ((await (await forge.admin("/requests")).json()) as { total: number; counts: Record<string, number> }),

    async close() {
      await whenIdle();
      await forge.stop();
      await database.close();
    },
  };
}

import type { Page } from "playwright-core";
import { waitUntil } from "../../helpers/wait";
import { E2E_AI_MODEL } from "../harness/fake-ai";
import { e2eInfo } from "../harness/info";

// What an e2e test sets up for itself, through the forge's API (as another
// Gitea client would) or the app's own §17 routes (as the browser does) —
// never through the app's database. Each test makes its own RFC or branch,
// so the tests of a file pass in any order and alone.

/** The forge's API as the bot (or another token). */
export async function forgeApi(path: string, init: RequestInit = {}, token = e2eInfo().botToken): Promise<Response> {
  const { forgeUrl } = e2eInfo();
  return fetch(`${forgeUrl}${path}`, { ...init, headers: { authorization: `token ${token}`, "content-type": "application/json", ...init.headers } });
}

const metaPath = (rest: string) => `/api/v1/repos/${e2eInfo().org}/${e2eInfo().metaRepo}${rest}`;

export type SuperDraft = { slug: string; title: string; body: string; owners?: string[]; arbiters?: string[]; tags?: string[]; proposedBy?: string };

function entryText(d: SuperDraft): string {
  const { owners = ["alice"], arbiters = [], tags = ["e2e"], proposedBy = owners[0] ?? "alice" } = d;
  const list = (xs: string[]) => (xs.length ? `\n${xs.map((x) => `  - ${x}`).join("\n")}` : " []");
  return `---\nslug: ${d.slug}\ntitle: ${d.title}\nstate: super-draft\nid:\nrepo:\nproposed_by: ${proposedBy}\nproposed_at: 2026-01-02T03:04:05Z\ngraduated_at:\ngraduated_by:\nowners:${list(owners)}\narbiters:${list(arbiters)}\ntags:${list(tags)}\n---\n${d.body}`;
}

/**
 * A super-draft committed to the meta repo's main; the app learns of it by
 * webhook (§4.1). Resolves once `readyPath` (default the RFC view) answers 200.
 */
export async function seedSuperDraft(d: SuperDraft, readyPath = `/rfcs/${d.slug}`): Promise<void> {
  const proposedBy = d.proposedBy ?? d.owners?.[0] ?? "alice";
  const res = await forgeApi(metaPath(`/contents/rfcs/${d.slug}.md`), {
    method: "POST",
    body: JSON.stringify({ branch: "main", content: Buffer.from(entryText(d)).toString("base64"), message: `Seed ${d.slug}\n\nOn-behalf-of: ${proposedBy} <${proposedBy}>\n` }),
  });
  if (res.status !== 201) throw new Error(`seeding ${d.slug} → ${res.status} ${await res.text()}`);
  await untilReady(d.slug, readyPath);
}

/** Many super-drafts in one multi-file commit (Gitea's change-files API); resolves once the last is in the app. */
export async function seedSuperDrafts(drafts: SuperDraft[]): Promise<void> {
  const files = drafts.map((d) => ({ operation: "create", path: `rfcs/${d.slug}.md`, content: Buffer.from(entryText(d)).toString("base64") }));
  const res = await forgeApi(metaPath("/contents"), {
    method: "POST",
    body: JSON.stringify({ branch: "main", files, message: `Seed ${drafts.length} drafts\n\nOn-behalf-of: alice <alice>\n` }),
  });
  if (res.status !== 201) throw new Error(`seeding ${drafts.length} drafts → ${res.status} ${await res.text()}`);
  for (const d of drafts) await untilReady(d.slug, `/rfcs/${d.slug}`);
}

async function untilReady(slug: string, readyPath: string): Promise<void> {
  const { appUrl } = e2eInfo();
  await waitUntil(async () => (await fetch(`${appUrl}${readyPath}`)).status === 200, { timeoutMs: 120_000, what: `${slug} to reach the app` }).catch(async (err) => {
    throw new Error(`${(err as Error).message}; the forge's last webhook deliveries: ${await lastDeliveries()}`);
  });
}

async function lastDeliveries(): Promise<string> {
  const { forgeUrl, forgeAdminToken } = e2eInfo();
  const res = await fetch(`${forgeUrl}/_forge/deliveries`, { headers: { authorization: `token ${forgeAdminToken}` } });
  const all = (await res.json()) as { event: string; status?: number }[];
  return JSON.stringify(all.slice(-6).map(({ event, status }) => ({ event, status })));
}

/** The forge's admin routes (FORGE.md "Fault injection" and the forge's behaviour). */
async function forgeAdmin(path: string, init: RequestInit = {}): Promise<Response> {
  const { forgeUrl, forgeAdminToken } = e2eInfo();
  const res = await fetch(`${forgeUrl}/_forge${path}`, { ...init, headers: { authorization: `token ${forgeAdminToken}`, "content-type": "application/json", ...init.headers } });
  if (!res.ok) throw new Error(`/_forge${path} → ${res.status} ${await res.text()}`);
  return res;
}

type ForgeBehaviour = { mergeCheckMs: number; webhookOrder: string };

/** Sets how the forge behaves (forge/behaviour.ts); resolves with what it was, to put back. */
export async function setForgeBehaviour(patch: Partial<ForgeBehaviour>): Promise<ForgeBehaviour> {
  const before = (await (await forgeAdmin("/behaviour")).json()) as ForgeBehaviour;
  await forgeAdmin("/behaviour", { method: "PATCH", body: JSON.stringify(patch) });
  return { mergeCheckMs: before.mergeCheckMs, webhookOrder: before.webhookOrder };
}

/** Gitea finishes every mergeability check it has queued (FACTS §7.2). */
export async function finishForgeChecks(): Promise<void> {
  await forgeAdmin("/checks/drain", { method: "POST" });
}

/** Someone pushes a commit to a meta-repo branch outside Quorum, as any Gitea client can. */
export async function pushToMeta(path: string, ref: string, edit: (text: string) => string): Promise<void> {
  const res = await forgeApi(metaPath(`/contents/${path}?ref=${encodeURIComponent(ref)}`));
  const file = (await res.json()) as { sha: string; content: string };
  const text = edit(Buffer.from(file.content, "base64").toString("utf8"));
  const put = await forgeApi(metaPath(`/contents/${path}`), {
    method: "PUT",
    body: JSON.stringify({ branch: ref, sha: file.sha, content: Buffer.from(text).toString("base64"), message: "An edit made outside Quorum" }),
  });
  if (put.status !== 200) throw new Error(`push to ${ref} → ${put.status} ${await put.text()}`);
}

/** The newest commit on a branch of the meta repo, read from the forge itself. */
export async function metaHead(ref: string): Promise<{ sha: string; message: string }> {
  const res = await forgeApi(metaPath(`/commits?sha=${encodeURIComponent(ref)}&limit=1`));
  const [c] = (await res.json()) as { sha: string; commit: { message: string } }[];
  return { sha: c.sha, message: c.commit.message };
}

/** A file of the meta repo at `ref`, as text (null when absent). */
export async function metaFile(path: string, ref: string): Promise<string | null> {
  const res = await forgeApi(metaPath(`/contents/${path}?ref=${encodeURIComponent(ref)}`));
  if (res.status === 404) return null;
  return Buffer.from(((await res.json()) as { content: string }).content, "base64").toString("utf8");
}

/**
 * The app's §17 routes with the page's cookies (a signed-in person), sent
 * from the app's origin as the browser's own fetches are.
 */
export function appApi(page: Page) {
  const { appUrl } = e2eInfo();
  const headers = { origin: appUrl, accept: "application/json" };
  const check = async (res: Awaited<ReturnType<Page["request"]["get"]>>, what: string) => {
    if (!res.ok()) throw new Error(`${what} → ${res.status()} ${await res.text()}`);
    return res;
  };
  return {
    async get<T>(path: string): Promise<T> {
      return (await (await check(await page.request.get(path, { headers }), `GET ${path}`)).json()) as T;
    },
    async post<T>(path: string, data: unknown): Promise<T> {
      const res = await check(await page.request.post(path, { headers, data: data as object }), `POST ${path}`);
      const type = res.headers()["content-type"] ?? "";
      return (type.includes("json") ? await res.json() : await res.text()) as T;
    },
  };
}

const branchPath = (slug: string, branch: string) => `/api/rfcs/${encodeURIComponent(slug)}/branches/${encodeURIComponent(branch)}`;

/** Cuts a branch from main as the page's user (§8.3). */
export async function cutBranch(page: Page, slug: string, name: string, visibility: "public" | "private" = "public"): Promise<void> {
  await appApi(page).post(`/api/rfcs/${encodeURIComponent(slug)}/branches`, { name, visibility });
}

/** Commits an edit of the branch's document as the page's user, through the editor's flush route (§8.11). */
export async function editBranch(page: Page, slug: string, branch: string, edit: (text: string) => string): Promise<void> {
  const api = appApi(page);
  const doc = await api.get<{ text: string; headSha: string }>(`${branchPath(slug, branch)}/document`);
  const text = edit(doc.text);
  if (text === doc.text) throw new Error("editBranch: the edit changes nothing");
  await api.post(`${branchPath(slug, branch)}/flush`, { baseSha: doc.headSha, text });
}

type ChangeView = { id: string; messageId: string | null; original: string; status: string };

/**
 * A pending change as the AI proposes one (§18): the page's user asks the AI
 * in the branch's chat; the e2e AI (harness/fake-ai.ts) answers a
 * `replace "X" with "Y" because Z` request with that one change block.
 */
export async function aiChange(page: Page, slug: string, branch: string, change: { original: string; proposed: string; reason: string }): Promise<ChangeView> {
  const api = appApi(page);
  const { threads } = await api.get<{ threads: { id: string; kind: string }[] }>(`${branchPath(slug, branch)}/threads`);
  const main = threads.find((t) => t.kind === "main");
  if (!main) throw new Error(`${branch} has no main thread`);
  const body = `@ai please replace "${change.original}" with "${change.proposed}" because ${change.reason}`;
  await api.post(`/api/threads/${encodeURIComponent(main.id)}/messages`, { body, askAi: true, model: E2E_AI_MODEL });
  return waitUntil(
    async () => {
      const { changes } = await api.get<{ changes: ChangeView[] }>(`${branchPath(slug, branch)}/changes`);
      return changes.find((c) => c.original === change.original && c.status === "pending");
    },
    { what: `the AI's change of "${change.original}"` },
  );
}

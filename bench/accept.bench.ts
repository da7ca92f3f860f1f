import "./server-only-shim";
import { actorFrom } from "@/lib/bot/actor";
import { commitFiles } from "@/lib/bot/write-files";
import { createBranch, createOrgRepo } from "@/lib/gitea";
import { enqueueRefresh, whenIdle } from "@/lib/cache/refresh-queue";
import { getConfig } from "@/lib/config";
type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
import { db } from "@/lib/db/client";
import { entryPath, serializeNewEntry } from "@/lib/entries";
import { ensureUser, sessionCookieFor } from "@/tests/helpers/session";
import { startBenchWorld, type BenchWorld } from "./world";

// Issue 15 item 3: accepting a change and flushing an edit at their floor.
// For an active RFC and a super-draft: forge requests (the forge's own
// counter) and wall time of POST /api/changes/{id}/accept, called as Next
// calls a route handler, with the forge in its own process. Webhooks wait
// while measuring, so only the request's own forge calls count. Then a flush
// of an edit and a no-op flush (which must make no commit).

const N = Number(process.env.BENCH_ACCEPTS ?? 30);
const line = (i: number) => `Sentence number ${i} of the accept benchmark stays as it is.`;
const body = (n: number) => ["# Accept bench", "", ...Array.from({ length: n }, (_, i) => `${line(i)}\n`)].join("\n");

type Figure = { label: string; requests: number[]; ms: number[]; forgeMs: number[]; byRoute: Record<string, number> };

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function call<P>(handler: Handler<P>, params: P, payload: unknown) {
  const cookie = await sessionCookieFor({ login: "bob" });
  const req = new Request(`${getConfig().appUrl}/api/bench`, {
    method: "POST",
    headers: { origin: new URL(getConfig().appUrl).origin, cookie, "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  return handler(req, { params: Promise.resolve(params) });
}

async function counted(w: BenchWorld, fig: Figure, run: () => Promise<Response>) {
  await w.adminPost("/requests/reset");
  const t0 = performance.now();
  const res = await run();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${fig.label} → ${res.status} ${await res.text()}`);
  const { counts, log } = (await (await w.forgeAdmin("/requests")).json()) as { counts: Record<string, number>; log: { path: string; ms: number }[] };
  fig.forgeMs.push(log.filter((e) => e.path !== "/api/v1/user").reduce((a, e) => a + e.ms, 0));
  delete counts["GET /api/v1/user"]; // the session's token re-check, not the write's work
  fig.requests.push(Object.values(counts).reduce((a, b) => a + b, 0));
  fig.ms.push(ms);
  for (const [route, n] of Object.entries(counts)) fig.byRoute[route] = (fig.byRoute[route] ?? 0) + n;
  return res;
}

async function seed(slugActive: string, slugDraft: string) {
  const bob = actorFrom(await ensureUser({ login: "bob" }));
  const { org, metaRepoFullName } = getConfig();
  const meta = { owner: org, repo: metaRepoFullName.split("/")[1] };
  const entry = (slug: string, state: string, repo: string, id: string, text: string) =>
    serializeNewEntry({
      slug, title: slug, state: state as "super-draft", id, repo, proposedBy: "bob", proposedAt: "2026-01-01T00:00:00Z",
      graduatedAt: "", graduatedBy: "", owners: ["bob"], arbiters: [], tags: [], body: text, extra: {},
    });
  const repoName = `rfc-0001-${slugActive}`;
  await commitFiles({
    repo: meta, branch: "main", subject: "Seed", actor: bob, audit: { kind: "bench" },
    files: [
      { op: "create", path: entryPath(slugDraft), content: entry(slugDraft, "super-draft", "", "", body(2 * N)) },
      { op: "create", path: entryPath(slugActive), content: entry(slugActive, "active", `${org}/${repoName}`, "RFC-0001", "") },
    ],
  });
  await createOrgRepo(org, { name: repoName, auto_init: true, default_branch: "main" });
  const repo = { owner: org, repo: repoName };
  await commitFiles({ repo, branch: "main", subject: "Seed RFC.md", actor: bob, audit: { kind: "bench" }, files: [{ op: "create", path: "RFC.md", content: body(2 * N) }] });
  await createBranch(repo, "bench", "main");
  await createBranch(meta, `edit/${slugDraft}/bench`, "main");
  for (const name of ["bench"]) {
    for (const slug of [slugActive, slugDraft]) {
      await db().branchMeta.upsert({ where: { rfcSlug_name: { rfcSlug: slug, name } }, create: { rfcSlug: slug, name, createdBy: "bob" }, update: {} });
    }
  }
  await enqueueRefresh(metaRepoFullName, { branches: true, entries: true });
  await whenIdle();
  await enqueueRefresh(`${org}/${repoName}`, { branches: true, force: true });
  await whenIdle();
}

async function acceptFigure(w: BenchWorld, slug: string, label: string): Promise<Figure> {
  const { POST: acceptRoute } = await import("@/app/api/changes/[changeId]/accept/route");
  const fig: Figure = { label, requests: [], ms: [], forgeMs: [], byRoute: {} };
  const ids: string[] = [];
  for (let i = 0; i < N; i++) {
    const row = await db().change.create({
      data: { rfcSlug: slug, branch: "bench", original: line(i), proposed: line(i).replace("stays", "changed"), reason: `bench ${i}`, status: "pending" },
    });
    ids.push(row.id);
  }
  for (const id of ids) await counted(w, fig, () => call(acceptRoute, { changeId: id }, {}));
  return fig;
}

async function flushFigures(w: BenchWorld, slug: string, label: string): Promise<Figure[]> {
  const edit: Figure = { label: `${label}: flush of an edit`, requests: [], ms: [], forgeMs: [], byRoute: {} };
  const noop: Figure = { label: `${label}: no-op flush`, requests: [], ms: [], forgeMs: [], byRoute: {} };
  let commits = 0;
  const { POST: flushRoute } = await import("@/app/api/rfcs/[slug]/branches/[branch]/flush/route");
  const { GET: docRoute } = await import("@/app/api/rfcs/[slug]/branches/[branch]/document/route");
  const cookie = await sessionCookieFor({ login: "bob" });
  const readDoc = async () =>
    (await (await docRoute(new Request(`${getConfig().appUrl}/api/doc`, { headers: { cookie } }), { params: Promise.resolve({ slug, branch: "bench" }) })).json()) as { text: string; headSha: string };
  let doc = await readDoc();
  for (let i = 0; i < Math.min(N, 10); i++) {
    const text = doc.text.replace(line(N + i), line(N + i).replace("stays", "was edited"));
    const res = await counted(w, edit, () => call(flushRoute, { slug, branch: "bench" }, { baseSha: doc.headSha, text }));
    const out = (await res.json()) as { headSha: string };
    doc = { text, headSha: out.headSha };
    const again = await counted(w, noop, () => call(flushRoute, { slug, branch: "bench" }, { baseSha: doc.headSha, text }));
    if (((await again.json()) as { commitSha: string | null }).commitSha) commits++;
  }
  if (commits) throw new Error(`a no-op flush made ${commits} commit(s)`);
  return [edit, noop];
}

export default async function acceptBench(): Promise<void> {
  const w = await startBenchWorld();
  try {
    await seed("accept-active", "accept-draft");
    await w.adminPost("/webhooks/pause");
    const figures = [
      await acceptFigure(w, "accept-active", "accept, active RFC (RFC.md in its repo)"),
      await acceptFigure(w, "accept-draft", "accept, super-draft (meta entry body)"),
      ...(await flushFigures(w, "accept-active", "active RFC")),
      ...(await flushFigures(w, "accept-draft", "super-draft")),
    ];
    await w.adminPost("/webhooks/resume");
    console.log(`\n| write (${N} accepts each; forge in its own process) | forge requests (max) | median | p95 | of which the forge, median | target |`);
    console.log("|---|---:|---:|---:|---:|---|");
    for (const f of figures) {
      const target = f.label.startsWith("accept") ? "≤ 3 / ≤ 150 ms" : "";
      console.log(`| ${f.label} | ${Math.max(...f.requests)} | ${pct(f.ms, 50).toFixed(0)} ms | ${pct(f.ms, 95).toFixed(0)} ms | ${pct(f.forgeMs, 50).toFixed(0)} ms | ${target} |`);
    }
    for (const f of figures) console.log(`${f.label}, forge requests by route (all runs):`, JSON.stringify(f.byRoute));
  } finally {
    await whenIdle();
    await w.close();
  }
}

import { db } from "@/lib/db/client";
import { appClient, branchPath, mainThreadId } from "../app-client";
import { stats, type Stats } from "../http";
import { cpuMs } from "../proc";
import type { ScaleWorld } from "../world";
import { BENCH_AI_MODEL } from "../fake-ai";

// The write figures: accepting a change (forge requests and time), a no-op
// save (must make no commit), and a push reaching the cache end to end.

export type PushTarget = { slug: string; repo: string | null };
export type PushTimes = { fromAnswer: Stats; fromRequest: Stats };

export type WriteFigures = {
  accept: { requests: Stats; ms: Stats; byRoute: Record<string, number>; cpuMs: Stats };
  noopSaveCommits: number;
  push: { rfcRepo: PushTimes; meta: PushTimes };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lines the accept RFC's body is made of: each occurs once, so each change applies. */
export const acceptLine = (i: number) => `Sentence number ${i} of the accept benchmark stays as it is.`;

/** Accepts `n` AI changes, of lines from..from+n-1 (each run of the figure takes lines no other has changed). */
export async function acceptFigures(w: ScaleWorld, opts: { slug: string; branch: string; n: number; from: number }): Promise<WriteFigures["accept"]> {
  const alice = await appClient(w, "alice");
  const thread = await mainThreadId(alice, opts.slug, opts.branch);
  const requests: number[] = [];
  const times: number[] = [];
  const byRoute: Record<string, number> = {};
  const cpu: number[] = [];
  // Webhooks wait while measuring, so only the accept's own forge requests count
  // (its commit's webhook would start a refresh at once and mix in).
  await w.adminPost("/webhooks/pause");
  try {
    for (let i = 0; i < opts.n; i++) {
      const original = acceptLine(opts.from + i);
      const reply = await alice.post(`/api/threads/${thread}/messages`, { body: `@ai please replace "${original}" with "${original.replace("stays", "changed")}"`, askAi: true, model: BENCH_AI_MODEL });
      if (reply.status !== 200) throw new Error(`asking the AI → ${reply.status} ${reply.body.slice(0, 200)}`);
      const { changes } = await alice.get<{ changes: { id: string; original: string; status: string }[] }>(`${branchPath(opts.slug, opts.branch)}/changes`);
      const change = changes.find((c) => c.original === original && c.status === "pending");
      if (!change) throw new Error(`no pending change for line ${i}`);
      await w.adminPost("/requests/reset");
      const cpu0 = cpuMs(w.appPid());
      const accepted = await alice.post(`/api/changes/${change.id}/accept`, {});
      cpu.push(cpuMs(w.appPid()) - cpu0);
      if (accepted.status !== 200) throw new Error(`accept → ${accepted.status} ${accepted.body.slice(0, 200)}`);
      const { counts } = await w.forgeRequests();
      delete counts["GET /api/v1/user"]; // the session's token re-check, not the accept's work
      requests.push(Object.values(counts).reduce((a, b) => a + b, 0));
      times.push(accepted.totalMs);
      if (i === opts.n - 1) Object.assign(byRoute, counts);
    }
  } finally {
    await w.adminPost("/webhooks/resume");
  }
  return { requests: stats(requests), ms: stats(times), byRoute, cpuMs: stats(cpu) };
}

/** A flush of the branch's own text: it must answer commitSha null and leave the branch head where it was. */
export async function noopSaveCommits(w: ScaleWorld, opts: { slug: string; branch: string }): Promise<number> {
  const alice = await appClient(w, "alice");
  const doc = await alice.get<{ text: string; headSha: string }>(`${branchPath(opts.slug, opts.branch)}/document`);
  await w.adminPost("/requests/reset");
  const res = await alice.postJson<{ commitSha: string | null; headSha: string }>(`${branchPath(opts.slug, opts.branch)}/flush`, { baseSha: doc.headSha, text: doc.text });
  const { counts } = await w.forgeRequests();
  const writes = Object.entries(counts).filter(([route]) => /^(POST|PUT|DELETE) /.test(route)).reduce((a, [, n]) => a + n, 0);
  return (res.commitSha ? 1 : 0) + (res.headSha !== doc.headSha ? 1 : 0) + writes;
}

/**
 * A read (not timed) that a reused keep-alive socket may meet closed: after
 * the naive figure's listing of 10,000 entries the forge closes idle sockets
 * late, and one such ECONNRESET ended a whole 10,000-RFC run.
 */
async function readAgain(url: string, headers: Record<string, string>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, { headers });
    } catch (err) {
      if (attempt >= 3) throw err;
      await sleep(500);
    }
  }
}

/**
 * Push → cache row, end to end: a commit through the forge's contents API
 * (as a git client pushes), then the time until the app's cache row holds
 * it — RFC.md on an active RFC's main (the row's main head), or a
 * super-draft's entry on the meta repo's main (the row's entry blob sha).
 * Pushes are spaced so each is a burst of its own, as single pushes are.
 */
export async function pushFigures(w: ScaleWorld, opts: { targets: PushTarget[]; n: number }): Promise<PushTimes> {
  const fromAnswer: number[] = [];
  const fromRequest: number[] = [];
  const auth = { authorization: `token ${w.boot.botToken}`, "content-type": "application/json" };
  const meta = `${w.boot.org}/${w.boot.metaRepo}`;
  for (let i = 0; i < opts.n; i++) {
    const target = opts.targets[i % opts.targets.length];
    const [repo, path] = target.repo ? [target.repo, "RFC.md"] : [meta, `rfcs/${target.slug}.md`];
    const file = (await (await readAgain(`${w.forgeUrl}/api/v1/repos/${repo}/contents/${path}?ref=main`, auth)).json()) as { sha: string; content: string };
    const text = `${Buffer.from(file.content, "base64").toString("utf8")}\nPush ${i}.\n`;
    const t0 = performance.now();
    const res = await fetch(`${w.forgeUrl}/api/v1/repos/${repo}/contents/${path}`, {
      method: "PUT",
      headers: auth,
      body: JSON.stringify({ branch: "main", sha: file.sha, content: Buffer.from(text).toString("base64"), message: `Push ${i}\n\nOn-behalf-of: Carol Chen <carol>\n` }),
    });
    const t1 = performance.now();
    if (res.status !== 200) throw new Error(`push ${i} → ${res.status}`);
    const answer = (await res.json()) as { commit: { sha: string }; content: { sha: string } };
    const arrived = (row: { mainHeadSha: string | null; entrySha: string } | null) => (target.repo ? row?.mainHeadSha === answer.commit.sha : row?.entrySha === answer.content.sha);
    while (!arrived(await db().cachedRfc.findUnique({ where: { slug: target.slug }, select: { mainHeadSha: true, entrySha: true } }))) {
      if (performance.now() - t0 > 30_000) throw new Error(`push ${i} on ${repo}:${path} never reached the cache`);
      await sleep(2);
    }
    const t2 = performance.now();
    fromAnswer.push(t2 - t1);
    fromRequest.push(t2 - t0);
    await sleep(400); // longer than a burst's quiet time: the next push is a burst of its own
  }
  return { fromAnswer: stats(fromAnswer), fromRequest: stats(fromRequest) };
}

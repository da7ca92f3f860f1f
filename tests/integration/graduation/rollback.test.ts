import { READ_ATTEMPTS } from "@/lib/gitea/fetch";
import { db } from "@/lib/db/client";
import type { StepKey } from "@/lib/graduation/types";
import { startGraduationFixture, type Fixture } from "./fixture";
import { graduateAndFollow } from "./http";

// §13.3 rollback: a failure at each of the first four steps, injected in the
// forge. Afterwards Gitea (read directly, not the cache) holds no new repo,
// no open graduation PR and the unchanged entry; the stream shows the failed
// step, the not-reached ones and every undo step.


let fx: Fixture;
let alice: string;
beforeAll(async () => {
  fx = await startGraduationFixture();
  alice = await fx.cookie("alice");
});
afterAll(() => fx.close());
afterEach(() => fx.clearFaults());

const FORWARD: StepKey[] = ["create_repo", "seed_files", "open_pr", "merge_pr", "refresh_cache"];

const cases: { failAt: StepKey; method: string; path: (repo: string) => string; undo: StepKey[] }[] = [
  { failAt: "create_repo", method: "POST", path: () => "/api/v1/orgs/rfcs/repos", undo: [] },
  { failAt: "seed_files", method: "POST", path: (repo) => `/api/v1/repos/rfcs/${repo}/contents`, undo: ["undo_create_repo"] },
  { failAt: "open_pr", method: "POST", path: () => "/api/v1/repos/rfcs/meta/pulls", undo: ["undo_open_pr", "undo_create_repo"] },
  { failAt: "merge_pr", method: "POST", path: () => "/api/v1/repos/rfcs/meta/pulls/*/merge", undo: ["undo_open_pr", "undo_create_repo"] },
];

test.each(cases)("a failure at $failAt is rolled back", async ({ failAt, method, path, undo }) => {
  const slug = `fail-at-${failAt.replace("_", "-")}`;
  const repoName = `rfc-0009-${slug}`;
  const original = await fx.superDraft({ slug });
  await fx.fault({ method, path: path(repoName), status: 500 });

  const { events, final } = await graduateAndFollow(slug, { id: "RFC-0009", repo: repoName }, alice);

  // The stream: the failed step, every later step not-reached, then each undo running → done.
  expect(final.status).toBe("rolled_back");
  const at = FORWARD.indexOf(failAt);
  expect(final.steps.filter((s) => s.kind === "forward").map((s) => s.status)).toEqual(
    FORWARD.map((_, i) => (i < at ? "done" : i === at ? "failed" : "not-reached")),
  );
  expect(final.steps.find((s) => s.key === failAt)?.detail).toMatch(/500/);
  expect(final.steps.filter((s) => s.kind === "undo").map((s) => [s.key, s.status])).toEqual(undo.map((k) => [k, "done"]));
  const streamed = events.filter((e) => e.event === "step").map((e) => `${e.data.step!.key}:${e.data.step!.status}`);
  // A step that failed before the stream was opened (create_repo can fail within milliseconds of
  // the 202) is in the stream's first snapshot instead of an event of its own.
  expect(events[0].event).toBe("snapshot");
  const shown = [...events[0].data.snapshot.steps.map((s) => `${s.key}:${s.status}`), ...streamed];
  expect(shown).toContain(`${failAt}:failed`);
  for (const key of FORWARD.slice(at + 1)) expect(shown).toContain(`${key}:not-reached`);
  for (const key of undo) expect(streamed.filter((s) => s.startsWith(`${key}:`))).toEqual([`${key}:pending`, `${key}:running`, `${key}:done`]);
  expect(events[events.length - 1].event).toBe("finished");

  // Gitea itself: no repo, no open graduation PR, no branch, the entry byte-identical.
  expect(await fx.repoExists(`rfcs/${repoName}`)).toBe(false);
  expect((await fx.pulls("open")).filter((p) => p.head.label === `graduate/${slug}`)).toEqual([]);
  expect(await fx.branchExists("rfcs/meta", `graduate/${slug}`)).toBe(false);
  expect(await fx.file("rfcs/meta", `rfcs/${slug}.md`)).toBe(original);

  // The audit log closes the run with graduate_rollback; the cache shows no open graduation PR.
  const rollback = await db().action.findFirstOrThrow({ where: { rfcSlug: slug, kind: "graduate_rollback" } });
  expect(JSON.parse(rollback.details)).toMatchObject({ failedStep: failAt, undone: undo, failedUndos: [] });
  expect(await db().cachedPr.count({ where: { rfcSlug: slug, kind: "graduation", state: "open" } })).toBe(0);
});

test("after a rollback the same RFC graduates with the same id and repo name", async () => {
  const slug = "fail-at-merge-pr";
  const { final } = await graduateAndFollow(slug, { id: "RFC-0009", repo: `rfc-0009-${slug}` }, alice);
  expect(final.status).toBe("succeeded");
  expect(await fx.repoExists(`rfcs/rfc-0009-${slug}`)).toBe(true);
});

test("a failing cache refresh undoes nothing: the RFC is active in Gitea", async () => {
  const slug = "refresh-fails";
  await fx.superDraft({ slug });
  // The meta refresh starts by listing branches; make that fail (every try of it: reads are retried).
  await fx.fault({ method: "GET", path: "/api/v1/repos/rfcs/meta/branches", status: 500, times: READ_ATTEMPTS });
  const { final } = await graduateAndFollow(slug, { id: "RFC-0010", repo: `rfc-0010-${slug}` }, alice);
  expect(final.status).toBe("succeeded");
  expect(final.steps.map((s) => s.status)).toEqual(["done", "done", "done", "done", "failed"]);
  expect(final.steps.some((s) => s.kind === "undo")).toBe(false);
  expect(await fx.repoExists(`rfcs/rfc-0010-${slug}`)).toBe(true);
  expect(await fx.file("rfcs/meta", `rfcs/${slug}.md`)).toMatch(/^state: active$/m);
});

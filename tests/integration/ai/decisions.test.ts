import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { ACTIVE, ACTIVE_REPO, setupFixture, SUPER, type Fixture } from "./fixture";
import { decisions, MODEL, propose, readDoc, splitMessage, type ApiError } from "./decide-helpers";

// §8.9 accept / decline / edit-before-accept against the local forge,
// checking the commits and their trailers in Git.


let fx: Fixture;
let d: ReturnType<typeof decisions>;
beforeAll(async () => {
  fx = await setupFixture({ AI_COMPAT_BASE_URL: "http://127.0.0.1:9/v1", AI_MODELS: MODEL });
  d = decisions(fx);
  for (const name of ["accept", "edit", "decline"]) await fx.cutBranch(SUPER, name);
  await fx.cutBranch(ACTIVE, "accept");
});
afterAll(() => fx.close());

const forgeRequests = async () => ((await (await fx.forge.admin("/requests")).json()) as { total: number }).total;

describe.each([
  { slug: SUPER, repo: () => getConfig().metaRepoFullName, path: "rfcs/cache-policy.md" },
  { slug: ACTIVE, repo: () => ACTIVE_REPO, path: "RFC.md" },
])("accept on $slug", ({ slug, repo }) => {
  it("commits the change through the bot with the §8.9 subject, body and trailers", async () => {
    const before = await readDoc(slug, "accept");
    const { messageId, ids } = await propose(slug, "accept", [{ original: "five minutes", proposed: "ten minutes", reason: "A longer TTL halves the misses." }]);
    const requestsBefore = await forgeRequests();
    const started = performance.now();
    const res = await d.accept(ids[0]);
    expect(res.status).toBe(200);
    // A figure for the note, not a bound (npm run bench -- accept measures it): one write, checked by its blob sha.
    console.log(`accept on ${slug} took ${Math.round(performance.now() - started)} ms and ${(await forgeRequests()) - requestsBefore} forge requests`);
    const out = (await res.json()) as { commitSha: string; change: { status: string; decidedBy: { login: string }; commitSha: string } };
    expect(out.change).toMatchObject({ status: "accepted", decidedBy: { login: "alice" }, commitSha: out.commitSha });
    // §4.1 the cache shows the new head at once, from the write's answer: no branch listing (§15 item 3).
    const cached = await db().cachedBranch.findFirstOrThrow({ where: { repo: repo(), name: { endsWith: "accept" } } });
    expect(cached).toMatchObject({ headSha: out.commitSha, statusStale: true });
    const { log } = (await (await fx.forge.admin("/requests")).json()) as { log: { method: string; path: string }[] };
    expect(log.slice(-1)).toEqual([expect.objectContaining({ method: "POST", path: `/api/v1/repos/${repo()}/contents` })]);

    const after = await readDoc(slug, "accept");
    expect(after.text).toBe(before.text.replace("five minutes", "ten minutes"));
    expect(after.headSha).toBe(out.commitSha);
    const { message, parents } = await fx.commitMessage(repo(), out.commitSha);
    expect(parents).toEqual([before.headSha]);
    const m = splitMessage(message);
    expect(m.subject).toBe("Apply change: A longer TTL halves the misses");
    expect(m.body).toBe("Original:\n    five minutes\n\nProposed:\n    ten minutes\n\nReason:\n    A longer TTL halves the misses");
    expect(m.trailers).toEqual({ "Change-Id": ids[0], "Source-Message-Id": messageId, "AI-Model": MODEL, "On-behalf-of": "alice <alice>" });
    // §18 provenance in the audit log too.
    const action = await db().action.findFirst({ where: { kind: "accept_change", commitSha: out.commitSha } });
    expect(JSON.parse(action!.details)).toMatchObject({ changeIds: ids, models: [MODEL], edited: false });
  });
});

it("keeps a super-draft's frontmatter bytes when accepting", async () => {
  const before = await readDoc(SUPER, "edit");
  const { ids } = await propose(SUPER, "edit", [{ original: "Stale reads are possible after a write.", proposed: "Stale reads last at most five minutes.", reason: "Bound it" }]);
  const res = await d.accept(ids[0], "alice", { editedText: "Stale reads last at most one TTL." });
  expect(res.status).toBe(200);
  const { commitSha, change } = (await res.json()) as { commitSha: string; change: { editedText: string } };
  const after = await readDoc(SUPER, "edit");
  expect(after.fileText.slice(0, after.fileText.indexOf("---\n", 4))).toBe(before.fileText.slice(0, before.fileText.indexOf("---\n", 4)));
  // Edit-before-accept: the person's text is committed, and the commit says so.
  expect(after.text).toContain("Stale reads last at most one TTL.");
  expect(change.editedText).toBe("Stale reads last at most one TTL.");
  const m = splitMessage((await fx.commitMessage(getConfig().metaRepoFullName, commitSha)).message);
  expect(m.trailers["Edited-Before-Accept"]).toBe("yes");
  expect(m.body).toContain("Proposed:\n    Stale reads last at most one TTL.");
  expect(m.body).toContain("Proposed by the AI before editing:\n    Stale reads last at most five minutes.");
});

it("records who declined and when, and writes nothing to Git", async () => {
  const before = await readDoc(SUPER, "decline");
  const { ids } = await propose(SUPER, "decline", [{ original: "five minutes", proposed: "forever", reason: "Never expire" }]);
  const res = await d.decline(ids[0], "bob");
  expect(res.status).toBe(200);
  const { change } = (await res.json()) as { change: { status: string; decidedBy: { login: string }; decidedAt: string } };
  expect(change).toMatchObject({ status: "declined", decidedBy: { login: "bob" } });
  expect(Date.now() - Date.parse(change.decidedAt)).toBeLessThan(60_000);
  expect((await readDoc(SUPER, "decline")).headSha).toBe(before.headSha);
  expect(await db().action.count({ where: { kind: "decline_change" } })).toBe(1);
  expect((await d.decline(ids[0], "bob")).status).toBe(409); // decided once
  expect(((await (await d.accept(ids[0])).json()) as ApiError).error.code).toBe("conflict");
});

import { startTestForge, type TestForge } from "../../helpers/forge";


// Concurrent writes to one repo are serialised: none is lost, and
// conflicting ones fail cleanly (422 / 405 / 409), never 500.

const M = "/api/v1/repos/rfcs/meta";
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("forge concurrency", () => {
  let forge: TestForge;
  const send = (method: string, path: string, body?: unknown) =>
    forge.api(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = async (method: string, path: string, body?: unknown) => (await send(method, path, body)).json();

  beforeAll(async () => {
    forge = await startTestForge();
  });
  afterAll(() => forge?.stop());

  test("parallel creates on one branch all land, one commit each", async () => {
    const before = Number((await send("GET", `${M}/commits?limit=1`)).headers.get("x-total"));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => send("POST", `${M}/contents/rfcs/p-${i}.md`, { content: b64(`${i}\n`) })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const after = Number((await send("GET", `${M}/commits?limit=1`)).headers.get("x-total"));
    expect(after - before).toBe(12);
    const dir = await json("GET", `${M}/contents/rfcs`);
    expect(dir.filter((e: { name: string }) => e.name.startsWith("p-"))).toHaveLength(12);
  });

  test("parallel updates from the same sha: exactly one wins, the rest get 422", async () => {
    const file = await json("GET", `${M}/contents/rfcs/p-0.md`);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => send("PUT", `${M}/contents/rfcs/p-0.md`, { content: b64(`v${i}\n`), sha: file.sha })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 422, 422, 422, 422, 422]);
  });

  test("parallel merges of one PR: one 200, the others 405", async () => {
    await send("POST", `${M}/contents/rfcs/race.md`, { content: b64("race\n"), new_branch: "race" });
    const pr = await json("POST", `${M}/pulls`, { head: "race", base: "main", title: "Race" });
    // A PR opened right after its branch was pushed starts "checking" (FACTS §7.2): the race is between merges of a mergeable PR.
    await forge.drainChecks();
    const results = await Promise.all(Array.from({ length: 4 }, () => send("POST", `${M}/pulls/${pr.number}/merge`, { Do: "squash" })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 405, 405, 405]);
    const merged = await json("GET", `${M}/pulls/${pr.number}`);
    const commit = await json("GET", `${M}/git/commits/${merged.merge_commit_sha}`);
    expect(commit.parents).toHaveLength(1);
    expect(commit.commit.message).toBe("Race (#1)\n");
  });

  test("parallel branch creates with one name: one 201, the others 409", async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => send("POST", `${M}/branches`, { new_branch_name: "same", old_ref_name: "main" })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });
});

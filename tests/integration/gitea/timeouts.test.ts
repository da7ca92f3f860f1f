import { getBranch, changeFiles, encodeBase64, GiteaError, readFile } from "@/lib/gitea";
import { useAppEnv } from "../../helpers/app-env";
import { startTestForge, type TestForge } from "../../helpers/forge";
import { waitUntil } from "../../helpers/wait";

// Issue 13 item 3: every Gitea call has a deadline (GITEA_TIMEOUT_S); reads
// that fail in a way a second try can mend are retried with back-off;
// writes never are (one that timed out may have landed). Faults come from
// the forge (FORGE.md "Fault injection"), which counts the requests each
// fault saw as they arrive (the request log only records answered ones).

const META = { owner: "rfcs", repo: "meta" };
const BRANCH = "/api/v1/repos/rfcs/meta/branches/main";

describe("Gitea calls: deadlines and retries", () => {
  let forge: TestForge;
  const fault = (spec: Record<string, unknown>) => forge.admin("/faults", { method: "POST", body: JSON.stringify(spec) });
  /** Requests the (only) fault saw; a fault without status or delay just counts. */
  const attempts = async () => ((await (await forge.admin("/faults")).json()) as { seen: number }[])[0].seen;

  beforeAll(async () => {
    forge = await startTestForge();
    useAppEnv(forge, { GITEA_TIMEOUT_S: "0.5" });
  });
  afterAll(async () => {
    delete process.env.GITEA_TIMEOUT_S;
    await forge?.stop();
  });
  beforeEach(async () => {
    await forge.admin("/faults", { method: "DELETE" });
    await forge.admin("/requests/reset", { method: "POST" });
  });

  test("a read that meets a 503 twice is retried and succeeds", async () => {
    await fault({ method: "GET", path: BRANCH, status: 503, times: 2 });
    expect((await getBranch(META, "main"))?.name).toBe("main");
    expect(await attempts()).toBe(3);
  });

  test("a read that never answers in time fails after three attempts, naming the deadline", async () => {
    await fault({ method: "GET", path: BRANCH, delayMs: 1500, times: 3 });
    const started = Date.now();
    const err = await getBranch(META, "main").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GiteaError);
    expect((err as GiteaError).status).toBe(0);
    expect((err as GiteaError).message).toMatch(/no answer within 0.5 s/);
    expect(await attempts()).toBe(3);
    expect(Date.now() - started).toBeLessThan(3 * 1500); // the deadline cut each attempt short
  });

  test("a 404 is an answer, not a failure: no retry", async () => {
    await fault({ method: "GET", path: "/api/v1/repos/rfcs/meta/raw/nope.md" }); // counts, changes nothing
    expect(await readFile(META, "nope.md")).toBeNull();
    expect(await attempts()).toBe(1);
  });

  test("a write is tried once: a 503 fails it at once", async () => {
    await fault({ method: "POST", path: "/api/v1/repos/rfcs/meta/contents", status: 503 });
    const body = { files: [{ operation: "create" as const, path: "rfcs/once.md", content: encodeBase64("once\n") }], message: "Once" };
    await expect(changeFiles(META, body)).rejects.toMatchObject({ status: 503 });
    expect(await attempts()).toBe(1);
    expect(await readFile(META, "rfcs/once.md")).toBeNull();
  });

  test("a write that misses the deadline is not retried, though it may still land", async () => {
    await fault({ method: "POST", path: "/api/v1/repos/rfcs/meta/contents", delayMs: 1200 });
    const body = { files: [{ operation: "create" as const, path: "rfcs/late.md", content: encodeBase64("late\n") }], message: "Late" };
    await expect(changeFiles(META, body)).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/no answer within/) });
    expect(await attempts()).toBe(1);
    // The forge finishes the write after its delay: exactly one commit, no duplicate.
    const landed = await waitUntil(() => readFile(META, "rfcs/late.md"), { what: "the late write to land" });
    expect(landed.text).toBe("late\n");
  });
});

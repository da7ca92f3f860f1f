import { routeTable } from "@/forge/router";
import { FORGE_PROFILES, startTestForge, type TestForge } from "../../helpers/forge";
import { Kit, type Step } from "./contract-kit";
import { accessSteps } from "./contract-steps-access";
import { commentSteps } from "./contract-steps-comments";
import { adminSteps, oauthSteps } from "./contract-steps-oauth";
import { finalSteps, pullSteps } from "./contract-steps-pulls";
import { repoSteps } from "./contract-steps-repos";
import { userSteps } from "./contract-steps-users";


// The contract test (FORGE.md "Gitea's schema"): one step per route the forge
// serves, each calling it and validating the JSON against the 1.22 swagger
// (with the app's required fields). A route in the router without a step here
// fails the test, and so does a step for a route the router does not have.
// It runs once per Gitea release the forge can be (FORGE_GITEA_VERSION);
// contract-facts.test.ts checks the behaviours of FACTS.md §7.

const steps: Step[] = [...userSteps, ...repoSteps, ...pullSteps, ...commentSteps, ...accessSteps, ...oauthSteps, ...adminSteps, ...finalSteps];
const key = (r: { method: string; pattern: string }) => `${r.method} ${r.pattern}`;

describe.each(FORGE_PROFILES)("forge contract (Gitea %s)", (gitea) => {
  let forge: TestForge;
  let kit: Kit;

  beforeAll(async () => {
    forge = await startTestForge({ gitea });
    kit = new Kit(forge);
  });
  afterAll(async () => {
    await forge?.stop();
  });

  test("every route in the router has a step, and every step a route", () => {
    const table = new Set(steps.map(key));
    const served = new Set(routeTable.map(key));
    expect([...served].filter((r) => !table.has(r))).toEqual([]);
    expect([...table].filter((r) => !served.has(r))).toEqual([]);
    expect(table.size).toBe(steps.length);
  });

  test("every API route is documented in the 1.22 swagger", () => {
    const undocumented = routeTable.filter((r) => r.pattern.startsWith("/api/v1/") && !r.swagger);
    expect(undocumented).toEqual([]);
  });

  describe.each(steps.map((s) => [key(s), s] as const))("%s", (name, s) => {
    test("answers as Gitea does", async () => {
      await s.run(kit);
      expect(kit.covered.has(name)).toBe(true);
    });
  });
});

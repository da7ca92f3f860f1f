import type { Page } from "playwright-core";
import { e2eInfo } from "./harness/info";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { forgeApi, seedSuperDraft } from "./helpers/world";

// §13 in a real browser: alice (an owner) graduates a super-draft through the
// dialog, and a second one through a rollback (the forge fails the merge).


const browser = browserForFile();

const forge = forgeApi;

/** A super-draft owned by alice; ready once its graduate page answers. */
const superDraft = (slug: string, title: string) =>
  seedSuperDraft({ slug, title, body: `# ${title}\n\nWhy we want this.\n`, owners: ["alice"], arbiters: ["carol"] }, `/rfcs/${slug}/graduate`);

const dialog = (page: Page) => page.getByRole("dialog", { name: /Graduate/ });

test("alice graduates a super-draft through the dialog", async () => {
  await superDraft("e2e-sync", "End-to-end sync");
  const page = await browser.newPage();
  await signIn(page, "alice", "/rfcs/e2e-sync/graduate");
  const d = dialog(page);
  const id = d.getByLabel("RFC id");
  const repo = d.getByLabel("Repository");
  await d.getByText("Available").first().waitFor();
  expect(await id.inputValue()).toMatch(/^RFC-\d{4}$/);
  expect(await id.evaluate((el) => el === document.activeElement)).toBe(true); // focus on open
  expect(await repo.inputValue()).toBe(`rfc-${(await id.inputValue()).slice(4)}-e2e-sync`);
  await screenshot(page, "graduation-01-dialog");

  // Inline validation while typing: a malformed id at once, then a valid one.
  const suggestedRepo = await repo.inputValue();
  await id.fill("RFC-12");
  await d.getByText("at least four digits").waitFor();
  expect(await repo.inputValue()).toBe(suggestedRepo); // an invalid id does not rename the repo
  await screenshot(page, "graduation-02-invalid-id");
  await id.fill("RFC-0777");
  expect(await repo.inputValue()).toBe("rfc-0777-e2e-sync");
  await d.getByText("Available").first().waitFor();

  await id.press("Enter");
  await d.getByText("RFC-0777 is active").waitFor({ timeout: 60_000 });
  expect(await d.locator('[data-status="done"]').count()).toBe(5);
  await screenshot(page, "graduation-03-success");
  expect((await forge(`/api/v1/repos/${e2eInfo().org}/rfc-0777-e2e-sync`)).status).toBe(200);

  await d.getByRole("link", { name: "Open the active RFC" }).click();
  await page.waitForURL((url) => url.pathname === "/rfcs/e2e-sync");
});

test("a failing merge rolls back, visibly, and leaves Gitea as it was", async () => {
  await superDraft("e2e-rollback", "Rollback demo");
  const { forgeUrl, forgeAdminToken, org } = e2eInfo();
  const fault = await fetch(`${forgeUrl}/_forge/faults`, {
    method: "POST",
    headers: { authorization: `token ${forgeAdminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ method: "POST", path: `/api/v1/repos/${org}/meta/pulls/*/merge`, status: 500, message: "merge exploded" }),
  });
  expect(fault.status).toBe(201);

  const page = await browser.newPage();
  await signIn(page, "alice", "/rfcs/e2e-rollback/graduate");
  const d = dialog(page);
  await d.getByText("Available").first().waitFor();
  const repoName = await d.getByLabel("Repository").inputValue();
  await d.getByRole("button", { name: "Graduate" }).click();
  await d.getByText(/Graduation failed at/).waitFor({ timeout: 60_000 });
  await d.getByText("Rolling back").waitFor();
  expect(await d.locator('[data-step="merge_pr"]').getAttribute("data-status")).toBe("failed");
  expect(await d.locator('[data-step="refresh_cache"]').getAttribute("data-status")).toBe("not-reached");
  expect(await d.locator('[data-step="undo_open_pr"]').getAttribute("data-status")).toBe("done");
  expect(await d.locator('[data-step="undo_create_repo"]').getAttribute("data-status")).toBe("done");
  await screenshot(page, "graduation-04-rolled-back");
  expect((await forge(`/api/v1/repos/${org}/${repoName}`)).status).toBe(404);

  // Escape closes the dialog once nothing runs.
  await page.keyboard.press("Escape");
  await page.waitForURL((url) => url.pathname === "/rfcs/e2e-rollback");
});

test("the preconditions: an owner merges a blocking body-edit PR from the dialog; a non-owner claims", async () => {
  await superDraft("e2e-blocked", "Blocked by an edit");
  const { org, metaRepo } = e2eInfo();
  const meta = `/api/v1/repos/${org}/${metaRepo}`;
  expect((await forge(`${meta}/branches`, { method: "POST", body: JSON.stringify({ new_branch_name: "edit/e2e-blocked/wording", old_ref_name: "main" }) })).status).toBe(201);
  const current = (await (await forge(`${meta}/contents/rfcs/e2e-blocked.md?ref=edit/e2e-blocked/wording`)).json()) as { sha: string; content: string };
  const edited = Buffer.from(current.content, "base64").toString().replace("Why we want this.", "Why we really want this.");
  await forge(`${meta}/contents/rfcs/e2e-blocked.md`, {
    method: "PUT",
    body: JSON.stringify({ branch: "edit/e2e-blocked/wording", sha: current.sha, content: Buffer.from(edited).toString("base64"), message: "Wording\n\nOn-behalf-of: Bob Baker <bob>\n" }),
  });
  const pr = await forge(`${meta}/pulls`, { method: "POST", body: JSON.stringify({ head: "edit/e2e-blocked/wording", base: "main", title: "Better wording", body: "On-behalf-of: Bob Baker <bob>\n" }) });
  expect(pr.status).toBe(201);

  // bob is not an owner: no graduation for him, but he may claim.
  const bobPage = await browser.newPage();
  await signIn(bobPage, "bob", "/rfcs/e2e-blocked/graduate");
  const bd = dialog(bobPage);
  await bd.getByText("Better wording").waitFor({ timeout: 30_000 }); // the PR reached the cache by webhook
  expect(await bd.getByRole("button", { name: "Merge" }).count()).toBe(0);
  expect(await bd.getByRole("button", { name: "Graduate" }).isDisabled()).toBe(true);
  await bd.getByRole("button", { name: "Claim ownership" }).click();
  await bd.getByText(/Claim #\d+ by bob is open/).waitFor();
  await screenshot(bobPage, "graduation-05-non-owner-claimed");

  // alice owns it: she merges the blocking PR from the dialog, then may graduate.
  const page = await browser.newPage();
  await signIn(page, "alice", "/rfcs/e2e-blocked/graduate");
  const d = dialog(page);
  await d.getByRole("button", { name: "Merge", exact: true }).waitFor();
  expect(await d.getByRole("button", { name: "Graduate" }).isDisabled()).toBe(true);
  await screenshot(page, "graduation-06-blocking-pr");
  await d.getByRole("button", { name: "Merge", exact: true }).click();
  await d.getByText("No open body-edit PRs").waitFor({ timeout: 30_000 });
  await d.getByText("Available").first().waitFor();
  expect(await d.getByRole("button", { name: "Graduate" }).isEnabled()).toBe(true);
});

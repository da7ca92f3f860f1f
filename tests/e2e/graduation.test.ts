import type { Page } from "playwright-core";
import { e2eInfo } from "./harness/info";
import { launchBrowser, screenshot, signIn, type TestBrowser } from "./helpers/browser";

// §13 in a real browser: alice (an owner) graduates a super-draft through the
// dialog, and a second one through a rollback (the forge fails the merge).

jest.setTimeout(120_000);

let browser: TestBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function forge(path: string, init: RequestInit = {}, token = e2eInfo().botToken) {
  const { forgeUrl } = e2eInfo();
  return fetch(`${forgeUrl}${path}`, { ...init, headers: { authorization: `token ${token}`, "content-type": "application/json" } });
}

/** A super-draft owned by alice, committed to the meta repo's main; the app learns it by webhook. */
async function superDraft(slug: string, title: string): Promise<void> {
  const { org, metaRepo, appUrl } = e2eInfo();
  const text = `---\nslug: ${slug}\ntitle: ${title}\nstate: super-draft\nid:\nrepo:\nproposed_by: alice\nproposed_at: 2026-01-02T03:04:05Z\ngraduated_at:\ngraduated_by:\nowners:\n  - alice\narbiters:\n  - carol\ntags:\n  - e2e\n---\n# ${title}\n\nWhy we want this.\n`;
  const res = await forge(`/api/v1/repos/${org}/${metaRepo}/contents/rfcs/${slug}.md`, {
    method: "POST",
    body: JSON.stringify({ branch: "main", content: Buffer.from(text).toString("base64"), message: `Seed ${slug}\n\nOn-behalf-of: Alice Archer <alice>\n` }),
  });
  if (res.status !== 201) throw new Error(`seeding ${slug} → ${res.status}`);
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`${appUrl}/rfcs/${slug}/graduate`)).status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${slug} never reached the app's catalog`);
}

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

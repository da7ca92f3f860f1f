import type { Page } from "playwright-core";
import { e2eInfo } from "./harness/info";
import { waitUntil } from "../helpers/wait";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { seedSuperDraft } from "./helpers/world";

// §7 in a real browser: alice proposes an idea (field errors keep what she
// typed), finds it in the pending list; carol (admin) merges one idea into a
// super-draft and declines another; filters and search live in the URL.
// Each test proposes or seeds the ideas and RFCs it needs.


const browser = browserForFile();

const pending = (page: Page) => page.locator("details#pending-ideas");
const ideaRow = (page: Page, slug: string) => pending(page).locator(`li[data-idea="${slug}"]`);

/** Reloads the catalog until `check` holds: the cache learns of Gitea's writes by webhook. */
async function untilCatalog(page: Page, url: string, check: () => Promise<boolean>, what: string): Promise<void> {
  await waitUntil(
    async () => {
      await page.goto(url);
      return check();
    },
    { intervalMs: 500, what: `the catalog at ${url} to show ${what}` },
  );
}

async function propose(page: Page, title: string, summary: string, tags: string): Promise<void> {
  await page.goto("/propose");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Tags (optional)").fill(tags);
  await page.getByRole("button", { name: "Propose idea" }).click();
  await page.waitForURL((u) => u.pathname === "/" && u.searchParams.has("proposed"), { timeout: 60_000 });
}

test("alice proposes an idea: a bad slug is refused with her text kept, then it shows as pending", async () => {
  const page = await browser.newPage();
  await signIn(page, "alice", "/");
  await page.getByRole("link", { name: "Propose an idea" }).first().click(); // the header button (an empty catalog has a second one)
  await page.waitForURL((u) => u.pathname === "/propose");

  // An empty form: every required field says what it needs.
  await page.getByRole("button", { name: "Propose idea" }).click();
  await page.locator("#title-error").waitFor();
  await page.locator("#summary-error").waitFor();

  await page.getByLabel("Title").fill("Offline drafts");
  expect(await page.getByLabel("Slug").inputValue()).toBe("offline-drafts"); // derived from the title
  await page.getByLabel("Slug").fill("Offline Drafts!");
  await page.getByLabel("Summary").fill("Let people write while the forge is unreachable.");
  await page.getByLabel("Tags (optional)").fill("editor, sync");
  await page.getByRole("button", { name: "Propose idea" }).click();
  await page.locator("#slug-error").waitFor();
  // Nothing typed is lost on an error.
  expect(await page.getByLabel("Title").inputValue()).toBe("Offline drafts");
  expect(await page.getByLabel("Summary").inputValue()).toBe("Let people write while the forge is unreachable.");
  await screenshot(page, "catalog-01-propose-errors");

  await page.getByLabel("Slug").fill("offline-drafts");
  await page.getByRole("button", { name: "Propose idea" }).click();
  await page.waitForURL((u) => u.pathname === "/" && u.searchParams.get("proposed") === "offline-drafts", { timeout: 60_000 });
  await untilCatalog(page, "/?proposed=offline-drafts", async () => (await ideaRow(page, "offline-drafts").count()) > 0, "the pending idea");
  const row = ideaRow(page, "offline-drafts");
  await row.getByText("Offline drafts").waitFor();
  await row.getByText("proposed by @alice").waitFor(); // the proposer, never the bot (§6.5)
  expect(await row.getByRole("button", { name: /Merge idea/ }).count()).toBe(0); // alice is not an admin
  await page.getByRole("status").getByText(/is pending \(pull request #\d+\)/).waitFor();
  await screenshot(page, "catalog-02-pending-idea");

  // The same slug again is refused while the first is pending.
  await page.goto("/propose");
  await page.getByLabel("Title").fill("Offline drafts");
  await page.getByLabel("Summary").fill("Again.");
  await page.getByRole("button", { name: "Propose idea" }).click();
  await page.getByText(/already/i).first().waitFor();
  expect(new URL(page.url()).pathname).toBe("/propose");
});

test("carol merges one idea into a super-draft and declines another with a reason", async () => {
  const alice = await browser.newPage();
  await signIn(alice, "alice", "/");
  await propose(alice, "Quiet hours", "No notifications at night.", "ops");
  await propose(alice, "Shared glossary", "One list of the terms our RFCs use.", "docs");

  const carol = await browser.newPage();
  await signIn(carol, "carol", "/");
  await untilCatalog(carol, "/", async () => (await ideaRow(carol, "quiet-hours").count()) > 0 && (await ideaRow(carol, "shared-glossary").count()) > 0, "both ideas");
  await pending(carol).locator("summary").click();
  await screenshot(carol, "catalog-03-admin-pending");

  await ideaRow(carol, "shared-glossary").getByRole("button", { name: "Merge idea Shared glossary" }).click();
  // The entry and the closed propose PR reach the cache by one refresh, which a loaded machine may show half-way.
  await untilCatalog(
    carol,
    "/?state=super-draft",
    async () => (await carol.getByRole("link", { name: "Shared glossary" }).count()) > 0 && (await ideaRow(carol, "shared-glossary").count()) === 0,
    "the merged idea as a super-draft and no longer pending",
  );

  await pending(carol).locator("summary").click();
  await ideaRow(carol, "quiet-hours").getByRole("button", { name: "Decline idea Quiet hours" }).click();
  const reason = ideaRow(carol, "quiet-hours").getByLabel(/Why decline/);
  const submit = ideaRow(carol, "quiet-hours").getByRole("button", { name: "Decline idea", exact: true });
  await reason.fill("no");
  await submit.click();
  await ideaRow(carol, "quiet-hours").getByText("Say why, in a few words").waitFor(); // too short: refused, the idea stays
  await reason.fill("Covered by the notification settings RFC.");
  await submit.click();
  await untilCatalog(carol, "/", async () => (await ideaRow(carol, "quiet-hours").count()) === 0, "the declined idea gone");

  // Gitea holds the decision: the propose PR is closed, not merged, and the entry never reached main.
  const { forgeUrl, org, metaRepo, botToken } = e2eInfo();
  const res = await fetch(`${forgeUrl}/api/v1/repos/${org}/${metaRepo}/contents/rfcs/quiet-hours.md?ref=main`, { headers: { authorization: `token ${botToken}` } });
  expect(res.status).toBe(404);
});

test("filters and title search are kept in the URL", async () => {
  const body = "# Notes\n\nA short draft.\n";
  await seedSuperDraft({ slug: "e2e-offline-cache", title: "Filterable offline cache", body, tags: ["filter-editor"] });
  await seedSuperDraft({ slug: "e2e-quiet-mode", title: "Filterable quiet mode", body, tags: ["filter-ops"] });
  const page = await browser.newPage();
  await page.goto("/");
  await page.getByLabel("Search titles").fill("offline cache");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL((u) => u.searchParams.get("q") === "offline cache");
  await page.getByRole("link", { name: "Filterable offline cache" }).waitFor();
  expect(await page.getByRole("link", { name: "Filterable quiet mode" }).count()).toBe(0);

  await page.goto("/?tag=filter-editor");
  await page.getByRole("link", { name: "Filterable offline cache" }).waitFor();
  expect(await page.getByLabel("Tag", { exact: true }).inputValue()).toBe("filter-editor");
  expect(await page.getByRole("link", { name: "Filterable quiet mode" }).count()).toBe(0);
  await page.goto("/?tag=no-such-tag");
  await page.getByText(/No RFCs match/i).waitFor();
  await screenshot(page, "catalog-04-no-match");
});

import type { Page } from "playwright-core";
import { e2eInfo } from "./harness/info";
import { waitUntil } from "../helpers/wait";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { seedSuperDraft, seedSuperDrafts } from "./helpers/world";

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
  expect(await row.getByRole("list", { name: "Tags" }).getByRole("listitem").allTextContents()).toEqual(["editor", "sync"]); // from the idea's entry (§7.3)
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

test("filters and search are kept in the URL", async () => {
  const body = "# Notes\n\nA short draft.\n";
  await seedSuperDraft({ slug: "e2e-offline-cache", title: "Filterable offline cache", body, tags: ["filter-editor"] });
  await seedSuperDraft({ slug: "e2e-quiet-mode", title: "Filterable quiet mode", body, tags: ["filter-ops"] });
  const page = await browser.newPage();
  await page.goto("/");
  await page.getByLabel("Search", { exact: true }).fill("offline cache");
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

// 30 super-drafts with a tag of their own, so the other tests' RFCs never
// change what this one counts. "Quokka" is in 3 titles, 3 summaries and 3
// bodies, so a search ranks a title hit first.
const PAGED = Array.from({ length: 30 }, (_, i) => {
  const n = String(i + 1).padStart(2, "0");
  const where = i < 3 ? "title" : i < 6 ? "summary" : i < 9 ? "body" : null;
  return {
    slug: `e2e-paged-${n}`,
    title: `${where === "title" ? "Quokka habitat" : "Paged proposal"} ${n}`,
    body: `## Summary\n\n${where === "summary" ? "Why the quokka matters" : "A proposal"} number ${n}.\n\n## Design\n\n${where === "body" ? "The design mentions a **quokka** once." : "Nothing special."}\n`,
    tags: ["e2e-paged"],
  };
});

const results = (page: Page) => page.getByRole("list", { name: /^(Search results|Super-drafts, page \d+)$/ });
const rowLinks = async (page: Page) => results(page).locator("li a[href^='/rfcs/']").allTextContents();

test("a long catalog pages, keeps its filters across pages, and a search marks what matched", async () => {
  await seedSuperDrafts(PAGED);
  const page = await browser.newPage({ width: 1600, height: 1000 });

  // The overview shows a few of each state and links to the full list.
  await page.goto("/?tag=e2e-paged");
  await page.getByRole("navigation", { name: "States" }).getByRole("link", { name: /Super-drafts\s*30/ }).waitFor();
  await page.getByRole("link", { name: "All 30 super-drafts →" }).click();
  await page.waitForURL((u) => u.searchParams.get("state") === "super-draft" && u.searchParams.get("tag") === "e2e-paged");
  await page.getByText("Page 1 of 2").waitFor();
  const first = await rowLinks(page);
  expect(first).toHaveLength(25);
  await screenshot(page, "catalog-05-state-page-wide");

  await page.getByRole("link", { name: "Next →" }).click();
  await page.waitForURL((u) => u.searchParams.get("page") === "2" && u.searchParams.get("tag") === "e2e-paged");
  await page.getByText("Page 2 of 2").waitFor();
  const second = await rowLinks(page);
  expect(second).toHaveLength(5);
  expect(new Set([...first, ...second]).size).toBe(30); // every draft once, across the pages
  await page.getByRole("link", { name: "← Previous" }).waitFor();

  // A search: best match first, the matched words marked, each row with its state.
  await page.goto("/?tag=e2e-paged");
  await page.getByLabel("Search", { exact: true }).fill("quokka");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL((u) => u.searchParams.get("q") === "quokka" && u.searchParams.get("tag") === "e2e-paged");
  await page.getByText("9 RFCs match “quokka”, best match first.").waitFor();
  const hits = await rowLinks(page);
  expect(hits).toHaveLength(9);
  expect(hits.slice(0, 3).every((t) => t.startsWith("Quokka habitat"))).toBe(true);
  const marks = await results(page).locator("li mark").allTextContents();
  expect(marks.map((m) => m.toLowerCase())).toEqual(Array(9).fill("quokka"));
  expect(await results(page).locator("li").first().getByText("Super-draft", { exact: true }).count()).toBe(1);
  await screenshot(page, "catalog-06-search-wide");

  const phone = await browser.newPage({ width: 390, height: 844 });
  await phone.goto("/?tag=e2e-paged&q=quokka");
  await phone.getByText("9 RFCs match “quokka”, best match first.").waitFor();
  await screenshot(phone, "catalog-07-search-phone");
  await phone.goto("/?tag=e2e-paged&state=super-draft&page=2");
  await phone.getByText("Page 2 of 2").waitFor();
  await screenshot(phone, "catalog-08-state-page-phone");
});

test("the RFC view's left column offers a search and the recent RFCs, not the whole catalog", async () => {
  await seedSuperDraft({ slug: "e2e-left-column", title: "Left column", body: "# Left column\n\nA wombat in the text.\n" });
  const page = await browser.newPage({ width: 1400, height: 900 });
  await page.goto("/rfcs/e2e-left-column");
  const nav = page.getByRole("navigation", { name: "Branches and RFCs" });
  const recent = nav.locator("section[aria-labelledby='rfcs-heading'] li");
  await recent.first().waitFor();
  expect(await recent.count()).toBeLessThanOrEqual(8);
  await screenshot(page, "catalog-09-rfc-view-left-column");
  await nav.getByRole("searchbox", { name: "Search RFCs" }).fill("wombat");
  await nav.getByRole("searchbox", { name: "Search RFCs" }).press("Enter");
  await page.waitForURL((u) => u.pathname === "/" && u.searchParams.get("q") === "wombat");
  await page.getByText("1 RFC matches “wombat”, best match first.").waitFor();
  await page.getByRole("link", { name: "Left column" }).waitFor();
});

// Six super-drafts of their own tag: a page of them shows every row at once.
const INTENT = Array.from({ length: 6 }, (_, i) => ({
  slug: `e2e-intent-${i + 1}`,
  title: `Intent proposal ${i + 1}`,
  body: `## Summary\n\nProposal ${i + 1}.\n`,
  tags: ["e2e-intent"],
}));

test("a row's page is prefetched when a reader reaches for its link, not when the row shows (issue 15)", async () => {
  await seedSuperDrafts(INTENT);
  const page = await browser.newPage({ width: 1400, height: 1000 });
  const prefetched = new Set<string>();
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (r.headers()["next-router-prefetch"] && path.startsWith("/rfcs/")) prefetched.add(path);
  });
  await page.goto("/?tag=e2e-intent&state=super-draft");
  const links = results(page).locator("li a[href^='/rfcs/']");
  await links.nth(INTENT.length - 1).waitFor();
  const [first, third] = [await links.nth(0).getAttribute("href"), await links.nth(2).getAttribute("href")];

  // The pointer over the first row: its page is prefetched (again until the page is interactive), and no other row's.
  await waitUntil(
    async () => {
      await page.mouse.move(0, 0);
      await links.nth(0).hover();
      return prefetched.has(first!);
    },
    { intervalMs: 250, what: `a hover of ${first} to prefetch it` },
  );
  await page.waitForLoadState("networkidle");
  expect([...prefetched]).toEqual([first]);

  // The keyboard's focus prefetches too, and Enter opens the page.
  const focused = page.waitForRequest((r) => !!r.headers()["next-router-prefetch"] && new URL(r.url()).pathname === third);
  await links.nth(2).focus();
  await focused;
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.pathname === third);
  await page.getByText(`Proposal ${third!.split("-").pop()}.`, { exact: true }).waitFor(); // its document
  expect([...prefetched].sort()).toEqual([first, third].sort());
});


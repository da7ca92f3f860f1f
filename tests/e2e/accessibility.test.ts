import type { Page } from "playwright-core";
import { waitUntil } from "../helpers/wait";
import { expectNoSeriousViolations } from "./helpers/axe";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { aiChange, appApi, cutBranch, editBranch, seedSuperDraft } from "./helpers/world";

// Issue 18: axe-core scans every main surface — the catalog, the RFC view
// (discuss, contribute, DiffView, each right-hand tab), the graduate dialog,
// the admin page, the bell with its list and the notification settings
// (issue 14) — and finds no serious or critical violation; dialogs keep
// focus inside and give it back where it was.

const SLUG = "e2e-a11y";
const BODY = `# Accessible drafts\n\n## Summary\n\nEvery page should work from the keyboard.\n\n## Motivation\n\nScreen reader users read our RFCs too.\n`;

const browser = browserForFile();
beforeAll(() => seedSuperDraft({ slug: SLUG, title: "Accessible drafts", body: BODY, owners: ["alice"], arbiters: ["carol"], tags: ["a11y-scan"] }));

async function newPage(width = 1440): Promise<Page> {
  const page = await browser.newPage({ width, height: 900 });
  page.setDefaultTimeout(60_000);
  return page;
}

/** The element that has focus, described for a failure message. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? "none");
const focusInDialog = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));

test("the catalog, for a reader and for alice", async () => {
  const page = await newPage();
  // Filtered to this file's RFC: other tests fill the catalog, which pages.
  await page.goto("/?tag=a11y-scan");
  await page.getByRole("link", { name: "Accessible drafts" }).waitFor();
  await expectNoSeriousViolations(page, "catalog (reader)");
  await page.goto("/");
  await page.getByRole("heading").first().waitFor();
  await expectNoSeriousViolations(page, "catalog, first page (reader)");
  await signIn(page, "alice", "/");
  await page.getByRole("link", { name: "Propose an idea" }).first().waitFor();
  await expectNoSeriousViolations(page, "catalog (alice)");
  await page.goto("/propose");
  await page.getByLabel("Title").waitFor();
  await expectNoSeriousViolations(page, "propose form");
});

test("the RFC view: discuss, each right-hand tab, DiffView and contribute", async () => {
  const page = await newPage();
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  await cutBranch(page, SLUG, "a11y-scan");
  await editBranch(page, SLUG, "a11y-scan", (t) => t.replace("Screen reader users", "People with screen readers"));
  await aiChange(page, SLUG, "a11y-scan", { original: "Every page should work from the keyboard.", proposed: "Every page works from the keyboard alone.", reason: "Say it plainly." });
  await page.goto(`/rfcs/${SLUG}?branch=a11y-scan`);
  await page.getByRole("article", { name: "Document" }).waitFor();
  await expectNoSeriousViolations(page, "RFC view, discuss");

  for (const tab of ["Chat", "Changes", "Threads", "Flags"]) {
    await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
    await page.getByRole("tabpanel").waitFor();
    if (tab === "Changes") await page.getByText("Say it plainly.").waitFor();
    await expectNoSeriousViolations(page, `RFC view, ${tab} tab`);
  }
  await screenshot(page, "a11y-01-rfc-view-tabs");

  // The branch menu from the keyboard: its items, and a hint as a tooltip on focus.
  await page.getByRole("button", { name: "More branch actions" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: "Make private…" }).focus();
  await page.getByRole("tooltip").getByText(/Only its creator, the owners/).waitFor();
  await expectNoSeriousViolations(page, "branch menu with a tooltip");
  await screenshot(page, "a11y-01b-menu-tooltip");
  // Escape closes the innermost layer first: the tooltip, then the menu.
  await page.keyboard.press("Escape");
  await page.getByRole("tooltip").waitFor({ state: "detached" });
  await page.keyboard.press("Escape");
  await page.getByRole("menu").waitFor({ state: "detached" });

  await page.locator("#document-scroll").click({ position: { x: 8, y: 8 } });
  await page.keyboard.press("d");
  await page.getByText("compared with main").waitFor();
  await expectNoSeriousViolations(page, "DiffView");
  await page.keyboard.press("d");

  await page.getByRole("radio", { name: "Contribute" }).click();
  await page.locator('[contenteditable="true"][aria-label="Document editor"]').waitFor();
  await expectNoSeriousViolations(page, "contribute mode");
  await screenshot(page, "a11y-02-contribute");
});

test("the graduate dialog keeps focus inside and passes axe", async () => {
  const page = await newPage();
  await signIn(page, "alice", `/rfcs/${SLUG}/graduate`);
  const dialog = page.getByRole("dialog", { name: /Graduate/ });
  await dialog.getByText("Available").first().waitFor();
  await expectNoSeriousViolations(page, "graduate dialog");
  // Tab and Shift+Tab cycle through the dialog's controls and never leave it.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press(i < 8 ? "Tab" : "Shift+Tab");
    if (!(await focusInDialog(page))) throw new Error(`focus left the dialog after ${i + 1} Tab presses: ${await focused(page)}`);
  }
  await screenshot(page, "a11y-03-graduate-dialog");
});

test("a dialog opened from the keyboard traps focus and gives it back on Escape", async () => {
  const page = await newPage();
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  const newBranch = page.getByRole("button", { name: "New branch" });
  await newBranch.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New branch from main" });
  await dialog.waitFor();
  expect(await dialog.getByLabel("Branch name").evaluate((el) => el === document.activeElement)).toBe(true); // typing can start at once
  await expectNoSeriousViolations(page, "new-branch dialog");
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    if (!(await focusInDialog(page))) throw new Error(`focus left the dialog: ${await focused(page)}`);
  }
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await waitUntil(() => newBranch.evaluate((el) => el === document.activeElement), { timeoutMs: 10_000, what: `focus back on "New branch"` });
});

test("the admin page", async () => {
  const page = await newPage();
  await signIn(page, "carol", "/admin");
  await page.getByRole("heading", { name: "Admin" }).waitFor();
  await expectNoSeriousViolations(page, "admin page");
});

test("the bell, its list of notifications and the notification settings", async () => {
  const page = await newPage();
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  // Something in the list: carol mentions alice.
  const carol = await newPage();
  await signIn(carol, "carol", `/rfcs/${SLUG}`);
  const { threads } = await appApi(carol).get<{ threads: { id: string; kind: string }[] }>(`/api/rfcs/${SLUG}/branches/main/threads`);
  await appApi(carol).post(`/api/threads/${threads.find((t) => t.kind === "main")!.id}/messages`, { body: "@alice is the summary still right?" });
  await carol.close();

  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread/ });
  await bell.waitFor();
  await expectNoSeriousViolations(page, "header with the bell's unread count");
  await bell.focus();
  await page.keyboard.press("Enter"); // from the keyboard
  const item = page.getByRole("menuitem", { name: /mentioned you on e2e-a11y/ }).first();
  await item.waitFor();
  await expectNoSeriousViolations(page, "the bell's list of notifications");
  await screenshot(page, "a11y-06-bell-list");
  await page.keyboard.press("Escape");
  await page.getByRole("menu").waitFor({ state: "detached" });

  await page.goto("/settings/notifications");
  await page.getByRole("heading", { name: "Notifications" }).waitFor();
  await page.getByRole("radio", { name: /^In the app only/ }).waitFor();
  await expectNoSeriousViolations(page, "notification settings");
});

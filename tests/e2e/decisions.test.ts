import type { Page } from "playwright-core";
import { waitUntil } from "../helpers/wait";
import { e2eInfo } from "./harness/info";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { aiChange, appApi, cutBranch, forgeApi, seedSuperDraft } from "./helpers/world";

// Browser tests for the decisions that had none (issue 18): flag a message
// and resolve the flag (§8.13), decline a change card (§8.9), delete a
// branch (§12) — each set up by the test itself, the menu and the confirm
// dialog driven from the keyboard.

const SLUG = "e2e-decide";
const BODY = `# Shared caches\n\n## Summary\n\nThe build cache is shared by every runner.\n\n## Drawbacks\n\nA poisoned entry spreads.\n`;

const browser = browserForFile();
beforeAll(() => seedSuperDraft({ slug: SLUG, title: "Shared caches", body: BODY, owners: ["alice"], arbiters: ["carol"] }));

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ width: 1440, height: 900 });
  page.setDefaultTimeout(60_000);
  return page;
}

test("bob flags a message; alice, an owner, sees it and resolves it", async () => {
  const bob = await newPage();
  await signIn(bob, "bob", `/rfcs/${SLUG}`);
  await bob.getByPlaceholder("Write a message…").fill("This drops the signing step entirely.");
  await bob.keyboard.press("Enter");
  const message = bob.locator('li[data-kind="user"]', { hasText: "drops the signing step" });
  await message.waitFor();
  await message.getByRole("button", { name: /Flag message from Bob/ }).click();
  const dialog = bob.getByRole("dialog", { name: "Flag for the RFC's owners" });
  await dialog.getByLabel(/Blocking concern/).check();
  await dialog.getByLabel(/Note/).fill("Signing must stay.");
  await screenshot(bob, "decisions-01-flag-dialog");
  await dialog.getByRole("button", { name: "Flag", exact: true }).click();
  await dialog.getByText("Flagged.").waitFor();

  const alice = await newPage();
  await signIn(alice, "alice", `/rfcs/${SLUG}`);
  await alice.getByRole("tab", { name: /^Flags/ }).click();
  const flag = alice.getByRole("tabpanel").locator("li", { hasText: "Signing must stay." });
  await flag.getByText("Blocking concern").waitFor();
  await screenshot(alice, "decisions-02-open-flag");
  await flag.getByRole("button", { name: "Resolve…" }).click();
  await flag.getByLabel("Resolution").fill("Kept signing in the design.");
  await flag.getByRole("button", { name: "Resolve", exact: true }).click();
  await flag.waitFor({ state: "detached" });
  const { flags } = await appApi(alice).get<{ flags: { note: string; status: string; resolution: string | null }[] }>(`/api/rfcs/${SLUG}/flags`);
  expect(flags.find((f) => f.note === "Signing must stay.")).toMatchObject({ status: "resolved", resolution: "Kept signing in the design." });
  await screenshot(alice, "decisions-03-flag-resolved");
});

test("alice declines a change card; it shows as declined and the branch is unchanged", async () => {
  const page = await newPage();
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  await cutBranch(page, SLUG, "declined-card");
  const change = await aiChange(page, SLUG, "declined-card", { original: "A poisoned entry spreads.", proposed: "Nothing can go wrong.", reason: "Be upbeat." });
  await page.goto(`/rfcs/${SLUG}?branch=declined-card`);
  await page.getByRole("tab", { name: /^Changes/ }).click();
  const card = page.locator(`li[data-change-id="${change.id}"]`);
  await card.getByText("Be upbeat.").waitFor();
  await screenshot(page, "decisions-04-card-pending");
  await card.getByRole("button", { name: "Decline" }).click();
  await waitUntil(
    async () => {
      const { changes } = await appApi(page).get<{ changes: { id: string; status: string }[] }>(`/api/rfcs/${SLUG}/branches/declined-card/changes`);
      return changes.find((c) => c.id === change.id)?.status === "declined";
    },
    { what: "the change to be declined" },
  );
  await page.getByText(/^Decided \(/).click(); // decided cards fold away
  await card.getByText(/declined by Alice/).waitFor();
  await screenshot(page, "decisions-05-card-declined");
  const doc = await appApi(page).get<{ text: string }>(`/api/rfcs/${SLUG}/branches/declined-card/document`);
  expect(doc.text).toContain("A poisoned entry spreads.");
});

test("alice deletes a branch from the keyboard; Git loses it, the app keeps it read-only", async () => {
  const page = await newPage();
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  await cutBranch(page, SLUG, "to-delete");
  await page.goto(`/rfcs/${SLUG}?branch=to-delete`);
  const more = page.getByRole("button", { name: "More branch actions" });
  await more.focus();
  await page.keyboard.press("Enter");
  const item = page.getByRole("menuitem", { name: "Delete branch…" });
  await item.waitFor();
  await item.focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Delete to-delete?" });
  await confirm.getByText("Its conversation stays, read-only.").waitFor();
  await screenshot(page, "decisions-06-delete-confirm");
  await confirm.getByRole("button", { name: "Delete branch" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => !u.searchParams.has("branch"));

  const { org, metaRepo } = e2eInfo();
  const res = await forgeApi(`/api/v1/repos/${org}/${metaRepo}/branches/${encodeURIComponent(`edit/${SLUG}/to-delete`)}`);
  expect(res.status).toBe(404);
  await waitUntil(
    async () => {
      const { branches } = await appApi(page).get<{ branches: { name: string; state: string }[] }>(`/api/rfcs/${SLUG}/branches`);
      return branches.find((b) => b.name === "to-delete")?.state === "deleted";
    },
    { what: "to-delete to show as deleted (§11.5)" },
  );
  await page.goto(`/rfcs/${SLUG}?branch=to-delete`);
  await page.getByText(/deleted/i).first().waitFor();
  await screenshot(page, "decisions-07-branch-deleted");
});

import type { Page } from "playwright-core";
import { waitUntil } from "../helpers/wait";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { e2eInfo } from "./harness/info";
import { appApi, cutBranch, editBranch, metaFile, seedSuperDraft } from "./helpers/world";

// Issue 12 item 6, "no typed text lost": text typed in the editor that has
// not reached Git survives a reload of the page — kept in the browser until
// a flush lands. Gitea refuses this branch's writes while the test types and
// reloads (a forge fault on the contents API, matched by the branch in the
// body), so no flush lands before the reload — the keepalive one sent as the
// page goes included. On a branch still at the draft's head the text is put
// back and saved; on one that moved, it is offered, and restoring it goes
// through the conflict flow (Merge).

const SLUG = "e2e-draft";
const BODY = `# Offline edits

## Summary

Editors lose work when a tab reloads.

## Design

Keep the text in the browser until the server has it.
`;

const browser = browserForFile();
beforeAll(() => seedSuperDraft({ slug: SLUG, title: "Offline edits", body: BODY, owners: ["alice"] }));

const editor = (page: Page) => page.locator('[contenteditable="true"][aria-label="Document editor"]');
const contribute = (branch: string) => `/rfcs/${SLUG}?branch=${encodeURIComponent(branch)}&mode=contribute`;
const documentOf = (page: Page, branch: string) => appApi(page).get<{ text: string; headSha: string }>(`/api/rfcs/${SLUG}/branches/${branch}/document`);

async function forgeFaults(init: RequestInit): Promise<void> {
  const { forgeUrl, forgeAdminToken } = e2eInfo();
  const res = await fetch(`${forgeUrl}/_forge/faults`, { ...init, headers: { authorization: `token ${forgeAdminToken}`, "content-type": "application/json" } });
  if (!res.ok) throw new Error(`forge faults → ${res.status}`);
}
/** Gitea answers 503 to every write of this branch: no flush lands, whoever sends it. */
const holdFlushes = (branch: string) =>
  forgeFaults({ method: "POST", body: JSON.stringify({ method: "POST", path: "/api/v1/repos/*/*/contents", bodyIncludes: `edit/${SLUG}/${branch}`, status: 503, times: 10_000 }) });
const releaseFlushes = () => forgeFaults({ method: "DELETE" });
afterEach(releaseFlushes);

async function aliceEditing(branch: string): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  await cutBranch(page, SLUG, branch);
  await page.goto(contribute(branch));
  await editor(page).waitFor();
  return page;
}

/** Types at the end of the paragraph holding `anchor`, as a person clicking after it would. */
async function typeAfter(page: Page, anchor: string, text: string): Promise<void> {
  await editor(page).getByText(anchor).click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

/** Waits until the browser keeps a draft of this branch holding `needle`. */
const draftHolds = (page: Page, branch: string, needle: string) =>
  page.waitForFunction(
    ([key, n]) => (window.localStorage.getItem(key) ?? "").includes(n),
    [`quorum.draft.v1:${SLUG}:${branch}`, needle] as [string, string],
  );

test("text typed and not yet saved survives a reload, is put back and saves", async () => {
  const branch = "reload-keeps";
  const page = await aliceEditing(branch);
  const before = await documentOf(page, branch);
  await holdFlushes(branch);
  await typeAfter(page, "Editors lose work when a tab reloads.", " Typed just before a reload.");
  await draftHolds(page, branch, "Typed just before a reload.");
  await page.reload();
  await editor(page).waitFor();
  await editor(page).getByText("Typed just before a reload.").waitFor();
  await page.getByText("Your unsaved edits from before the page reloaded are back").waitFor();
  expect((await documentOf(page, branch)).headSha).toBe(before.headSha); // nothing reached Git before the reload
  await screenshot(page, "local-draft-01-restored");

  await releaseFlushes();
  await page.locator('[data-save-status="saved"]').waitFor({ timeout: 90_000 });
  await waitUntil(async () => (await documentOf(page, branch)).text.includes("Typed just before a reload."), { what: "the restored text in Git" });
  const entry = await metaFile(`rfcs/${SLUG}.md`, `edit/${SLUG}/${branch}`);
  expect(entry).toContain("Editors lose work when a tab reloads. Typed just before a reload.");
  await page.waitForFunction((key) => window.localStorage.getItem(key) === null, `quorum.draft.v1:${SLUG}:${branch}`); // Git has it: the browser lets go
  expect(await page.getByText("Your unsaved edits from before the page reloaded are back").count()).toBe(0);
  await page.close();
});

test("a draft made before the branch moved is offered after a reload, and restoring it merges", async () => {
  const branch = "reload-moved";
  const page = await aliceEditing(branch);
  await holdFlushes(branch);
  await typeAfter(page, "Keep the text in the browser until the server has it.", " Mine, typed offline.");
  await draftHolds(page, branch, "Mine, typed offline.");
  // Meanwhile someone else's commit changes another paragraph of the branch.
  await releaseFlushes();
  await editBranch(page, SLUG, branch, (t) => t.replace("Editors lose work", "Editors often lose work"));
  await holdFlushes(branch);
  await page.reload();
  await editor(page).getByText("Editors often lose work").waitFor(); // the branch as it is now
  await page.getByText(/Unsaved edits from .* are kept in this browser/).waitFor();
  expect(await editor(page).getByText("Mine, typed offline.").count()).toBe(0);
  await screenshot(page, "local-draft-02-offered");

  await releaseFlushes();
  await page.getByRole("button", { name: "Restore my edits" }).click();
  await editor(page).getByText("Mine, typed offline.").waitFor();
  // Made on the old text: saving it meets the conflict flow, which merges the two paragraphs.
  await page.getByText("This branch changed since you started editing").waitFor({ timeout: 90_000 });
  await screenshot(page, "local-draft-03-restored-conflict");
  await page.getByRole("button", { name: "Merge" }).click();
  await page.locator('[data-save-status="saved"]').waitFor({ timeout: 90_000 });
  const entry = await metaFile(`rfcs/${SLUG}.md`, `edit/${SLUG}/${branch}`);
  expect(entry).toContain("Editors often lose work");
  expect(entry).toContain("Keep the text in the browser until the server has it. Mine, typed offline.");
  await page.waitForFunction((key) => window.localStorage.getItem(key) === null, `quorum.draft.v1:${SLUG}:${branch}`);
  await page.close();
});

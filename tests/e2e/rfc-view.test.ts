import type { Page } from "playwright-core";
import { waitUntil } from "../helpers/wait";
import { e2eInfo } from "./harness/info";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { aiChange, appApi, cutBranch, editBranch, finishForgeChecks, forgeApi, metaFile, metaHead, pushToMeta, seedSuperDraft, setForgeBehaviour } from "./helpers/world";

// §8 the RFC view in a real browser: open an RFC, cut a branch, contribute
// (the commit lands in Git with On-behalf-of and a system message in the
// chat), comment on a selection, toggle DiffView, and two tabs editing one
// branch (the second flush is refused and keeps its text). Screenshots of
// discuss and contribute modes go to tests/e2e/screenshots/. Every test
// cuts the branches it needs (tests/e2e/helpers/world.ts), so each passes
// alone and in any order.


const SLUG = "e2e-view";
const BODY = `# Faster builds

## Summary

Teams rebuild the same artefacts many times a day. This RFC proposes a **shared build cache** that every runner can read from.

## Motivation

Our builds take 14 minutes on average. Most of that time compiles code that did not change.

- Developers wait for CI before merging.
- Runners burn compute on identical work.

## Drawbacks

A poisoned entry could spread a bad artefact to every build.
`;

const browser = browserForFile();
beforeAll(() => seedSuperDraft({ slug: SLUG, title: "Faster builds", body: BODY, owners: ["alice"], arbiters: ["carol"] }));

// The tiptap editor of contribute mode (components/editor): a contenteditable, not a textarea.
const editor = (page: Page) => page.locator('[contenteditable="true"][aria-label="Document editor"]');
const editorText = async (page: Page) => (await editor(page).textContent()) ?? "";

/** Selects `text` inside `root` through the DOM, as a user dragging over it would; without the mouseup, as a long press or the keyboard selects. */
async function selectText(page: Page, root: string, text: string, { mouseup = true } = {}): Promise<void> {
  await page.evaluate(
    ([rootSelector, needle, withMouseup]) => {
      const el = document.querySelector(rootSelector);
      if (!el) throw new Error(`no ${rootSelector}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        if (withMouseup) el.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return;
      }
      throw new Error(`"${needle}" is not in ${rootSelector}`);
    },
    [root, text, mouseup] as [string, string, boolean],
  );
}

/** Replaces the first occurrence of `from` in the editor by typing `to` over it. */
async function typeOver(page: Page, from: string, to: string): Promise<void> {
  await editor(page).click();
  await selectText(page, '[contenteditable="true"][aria-label="Document editor"]', from);
  // ProseMirror reads the DOM selection on selectionchange: type once its state holds it
  // (tiptap keeps the editor on its DOM node, `editor`).
  await page.waitForFunction((needle) => {
    const el = document.querySelector('[contenteditable="true"][aria-label="Document editor"]') as (Element & { editor?: { state: { selection: { from: number; to: number }; doc: { textBetween(a: number, b: number): string } } } }) | null;
    const state = el?.editor?.state;
    return !!state && state.doc.textBetween(state.selection.from, state.selection.to) === needle;
  }, from);
  await page.keyboard.type(to);
}

/** Selects `text` inside the rendered document (discuss mode). */
const selectInDocument = (page: Page, text: string, opts?: { mouseup: boolean }) => selectText(page, 'article[aria-label="Document"]', text, opts);

/** A page (its own cookies) with room for a busy machine: Git writes go through the bot and the forge. */
async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

/** On a failed wait: a screenshot and what `state` reads, for the log; then the failure itself. */
function explain(page: Page, label: string, state: () => Promise<Record<string, unknown>>) {
  return async (err: unknown): Promise<never> => {
    await screenshot(page, `failed-${label}`);
    for (const [what, value] of Object.entries(await state())) console.log(`[${label}] ${what}:`, typeof value === "string" ? value : JSON.stringify(value));
    throw err;
  };
}

/** What the app and the forge hold of the RFC's branches and PRs. */
const explainBranches = (page: Page, slug: string, label: string) =>
  explain(page, label, async () => {
    const { org, metaRepo } = e2eInfo();
    const pulls = (await (await forgeApi(`/api/v1/repos/${org}/${metaRepo}/pulls?state=all`)).json()) as { number: number; state: string; merged: boolean }[];
    return {
      "the app's branches": await (await page.request.get(`/api/rfcs/${slug}/branches`)).text(),
      "the forge's PRs": pulls.map(({ number, state, merged }) => ({ number, state, merged })),
    };
  });

/** Where the selection and the focus are, for a Comment button that never came. */
const explainSelection = (page: Page) =>
  explain(page, "selection", async () => ({
    "the page's state": await page.evaluate(() => ({
      selected: String(window.getSelection()),
      focus: document.activeElement?.tagName ?? null,
      toolbar: document.querySelector("[data-selection-toolbar]")?.textContent ?? null,
      url: location.href,
    })),
  }));

const branchUrl = (branch: string, mode?: string, slug = SLUG) => `/rfcs/${slug}?branch=${encodeURIComponent(branch)}${mode ? `&mode=${mode}` : ""}`;

/** alice, signed in on a page of her own, at `returnTo`. */
async function alicePage(returnTo = `/rfcs/${SLUG}`): Promise<Page> {
  const page = await newPage();
  await signIn(page, "alice", returnTo);
  return page;
}

/** alice, signed in on a page of her own, with `branch` cut for this test. */
async function aliceWithBranch(branch: string, returnTo = `/rfcs/${SLUG}`): Promise<Page> {
  const page = await alicePage(returnTo);
  await cutBranch(page, SLUG, branch);
  return page;
}

test("a reader sees main in discuss mode, read-only, with a prompt to sign in", async () => {
  const page = await newPage();
  await page.goto(`/rfcs/${SLUG}`);
  try {
    await page.getByRole("article", { name: "Document" }).getByText("Our builds take 14 minutes").waitFor();
  } catch (err) {
    await screenshot(page, "rfc-view-00-reader-main-failed");
    throw err;
  }
  await page.getByRole("link", { name: "Sign in to take part" }).waitFor();
  expect(await page.getByRole("button", { name: "New branch" }).count()).toBe(0);
  expect(await editor(page).count()).toBe(0);
  await screenshot(page, "rfc-view-00-reader-main");

  // 1280 px and up show three columns; below ~1100 px the left one folds into a drawer.
  await page.setViewportSize({ width: 1024, height: 768 });
  expect(await page.getByRole("navigation", { name: "Branches and RFCs" }).isVisible()).toBe(false);
  await page.getByRole("button", { name: "Show branches and RFCs" }).click();
  await page.getByRole("navigation", { name: "Branches and RFCs" }).waitFor();
  await screenshot(page, "rfc-view-07-narrow-drawer");
  await page.setViewportSize({ width: 2560, height: 1200 });
  await page.getByRole("navigation", { name: "Branches and RFCs" }).waitFor();
  await screenshot(page, "rfc-view-08-wide");
});

test("alice cuts a branch, edits it, and the commit and the chat say so", async () => {
  const branch = "tighten-intro";
  const page = await alicePage();
  await page.getByPlaceholder("Write a message…").waitFor();
  await page.getByPlaceholder("Write a message…").fill("Shall we measure the 95th percentile too?");
  await page.keyboard.press("Enter");
  await page.locator('li[data-kind="user"]').getByText("95th percentile").waitFor();
  await screenshot(page, "rfc-view-01-discuss-main");

  await page.getByRole("button", { name: "New branch" }).click();
  const name = page.getByLabel("Branch name");
  await name.fill("Bad Name");
  await page.getByText("Use lowercase letters, digits").waitFor(); // §11, inline
  await name.fill("edit/x");
  await page.getByText('Names starting with "edit/" are reserved').waitFor();
  await name.fill(branch);
  // The editor opens from the server's reading of the text (issue 15); the saves below splice it as they would a parsed one.
  const doc = page.waitForResponse((r) => r.url().includes("/document?editor=1"));
  await page.getByRole("button", { name: "Create branch" }).click();
  await page.waitForURL((u) => u.searchParams.get("branch") === branch);
  await editor(page).waitFor();
  expect(((await (await doc).json()) as { blocks?: unknown[] }).blocks?.length).toBeGreaterThan(3);

  await typeOver(page, "14 minutes", "22 minutes");
  await page.locator('[data-save-status="unsaved"]').waitFor();
  await page.locator('[data-save-status="saved"]').waitFor(); // after the ~2 s pause
  const head = await metaHead(`edit/${SLUG}/${branch}`);
  expect(head.message).toMatch(/^Edit Motivation on tighten-intro/);
  expect(head.message).toContain("On-behalf-of: Alice Archer <alice>");
  await page.locator('li[data-kind="system"]').getByText(/Alice Archer changed Motivation \(\+1 −1 lines\)/).waitFor();

  // Ctrl+S saves at once.
  await typeOver(page, "identical work", "the same work");
  await page.keyboard.press("Control+s");
  await page.locator('[data-save-status="saved"]').waitFor();
  await waitUntil(async () => (await metaHead(`edit/${SLUG}/${branch}`)).sha !== head.sha, { what: "the Ctrl+S commit" });
  await screenshot(page, "rfc-view-02-contribute");
});

test("a private branch is a 404 for everyone else, like an unknown RFC (§6)", async () => {
  const alice = await newPage();
  await signIn(alice, "alice", `/rfcs/${SLUG}`);
  await alice.getByRole("button", { name: "New branch" }).click();
  await alice.getByLabel("Branch name").fill("alice/secret");
  await alice.getByLabel(/Private/).check();
  await alice.getByRole("button", { name: "Create branch" }).click();
  await alice.waitForURL((u) => u.searchParams.get("branch") === "alice/secret");
  await alice.getByText("Private", { exact: true }).first().waitFor(); // the badge beside the breadcrumb

  const bob = await newPage();
  await signIn(bob, "bob", `/rfcs/${SLUG}`);
  const res = await bob.goto(branchUrl("alice/secret"));
  expect(res?.status()).toBe(404);
  await bob.getByRole("heading", { name: "Not found" }).waitFor();
  expect((await bob.goto(`/rfcs/no-such-rfc`))?.status()).toBe(404);
  await bob.goto(`/rfcs/${SLUG}`);
  await bob.getByRole("article", { name: "Document" }).waitFor();
  expect(await bob.getByRole("navigation", { name: "Branches and RFCs" }).getByText("alice/secret").count()).toBe(0);
});

test("DiffView shows the branch against main with word-level marks", async () => {
  const branch = "diff-view";
  const page = await aliceWithBranch(branch);
  await editBranch(page, SLUG, branch, (t) => t.replace("14 minutes", "22 minutes"));
  await page.goto(branchUrl(branch));
  await page.getByRole("article", { name: "Document" }).waitFor();
  await page.keyboard.press("d");
  const changed = page.locator('[data-diff="changed"]').first();
  await changed.waitFor();
  expect(await changed.locator("del").first().textContent()).toContain("14");
  expect(await changed.locator("ins").first().textContent()).toContain("22");
  await page.getByText("compared with main").waitFor();
  await screenshot(page, "rfc-view-03-diff");
  await page.keyboard.press("d");
  await page.getByRole("article", { name: "Document" }).waitFor();
});

test("a pending change is drawn inline in discuss mode, and its mark opens its card", async () => {
  const branch = "ai-pending";
  const page = await aliceWithBranch(branch);
  const change = await aiChange(page, SLUG, branch, {
    original: "Developers wait for CI before merging.",
    proposed: "Developers wait up to an hour for CI before merging.",
    reason: "Say how long the wait is.",
  });
  await page.goto(branchUrl(branch, "discuss"));
  const doc = page.getByRole("article", { name: "Document" });
  await doc.locator("ins[data-change]").first().waitFor();
  expect(await doc.locator("ins[data-change]").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("up to an hour")]));
  await screenshot(page, "rfc-view-04-discuss-branch");
  await doc.locator("ins[data-change]").first().click();
  const card = page.locator(`[data-change-id="${change.id}"]`);
  await card.getByText("Say how long the wait is.").waitFor();
  await card.getByRole("button", { name: "Accept" }).waitFor();
  await card.getByRole("button", { name: "Proposing message" }).click();
  await page.locator(`#message-${change.messageId}`).waitFor();

  // Contribute mode draws the same change in the editor, word by word (§8.10).
  await page.locator("#document-scroll").click({ position: { x: 8, y: 8 } });
  await page.keyboard.press("e");
  const inserted = editor(page).locator(`[data-change-id="doc-change:${change.id}"]`);
  await inserted.first().waitFor();
  expect(await inserted.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("up to an hour")]));
  await screenshot(page, "rfc-view-04b-contribute-tracked");
});

test("selecting text and commenting opens a range sub-thread anchored to it", async () => {
  const branch = "comment-range";
  const page = await aliceWithBranch(branch);
  await page.goto(branchUrl(branch, "discuss"));
  await page.getByRole("article", { name: "Document" }).waitFor();
  await selectInDocument(page, "shared build cache");
  await page.getByRole("button", { name: "Comment", exact: true }).click().catch(explainSelection(page));
  const dialog = page.getByRole("dialog", { name: "Comment on this passage" });
  expect(await dialog.locator("blockquote").textContent()).toBe("shared build cache"); // quoted from the source
  await dialog.getByPlaceholder("What about it?").fill("Shared by whom — CI only, or laptops too?");
  await dialog.getByRole("button", { name: "Comment" }).click();
  await page.getByRole("button", { name: "← Branch chat" }).waitFor();
  await page.getByText("Shared by whom").waitFor();
  await page.locator("article mark[data-thread]").first().waitFor(); // the passage is highlighted
  await page.getByRole("tab", { name: /Threads/ }).click();
  await page.getByRole("tabpanel").locator("blockquote", { hasText: "shared build cache" }).waitFor();
  await screenshot(page, "rfc-view-05-subthread");
});

test("a passage selected before the page is interactive gets its Comment button once it is", async () => {
  const page = await alicePage();
  // Main's text comes with the page's HTML: hold the page's scripts, so the document shows and nothing listens yet.
  let release = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  await page.route(/\/_next\/static\/chunks\//, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/rfcs/${SLUG}`, { waitUntil: "domcontentloaded" });
  await page.getByRole("article", { name: "Document" }).getByText("shared build cache").waitFor();
  await selectInDocument(page, "shared build cache");
  release();
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Comment on this passage" });
  expect(await dialog.locator("blockquote").textContent()).toBe("shared build cache");
});

test("a selection survives the document rendering again; one made without a mouse (a long press fires no mouseup) gets its Comment button too", async () => {
  const page = await alicePage();
  await page.getByRole("article", { name: "Document" }).getByText("shared build cache").waitFor();
  // A mouse selection first, as soon as the text shows: the threads, changes and flags arriving after it render the document again, which must keep the selection.
  await selectInDocument(page, "Teams rebuild");
  const comment = page.getByRole("button", { name: "Comment", exact: true });
  await comment.waitFor().catch(explainSelection(page));
  // Then the selection changes with no mouse event at all: cleared, the button goes; a new one brings it back, for the new passage.
  await page.evaluate(() => window.getSelection()!.removeAllRanges());
  await comment.waitFor({ state: "hidden" });
  await selectInDocument(page, "shared build cache", { mouseup: false });
  await comment.click().catch(explainSelection(page));
  const dialog = page.getByRole("dialog", { name: "Comment on this passage" });
  expect(await dialog.locator("blockquote").textContent()).toBe("shared build cache");
});

test("two tabs on one branch: an idle tab follows the other's save; a tab with unsaved text is refused, keeps it, and merges", async () => {
  const branch = "two-tabs";
  const a = await aliceWithBranch(branch);
  const b = await newPage();
  await a.goto(branchUrl(branch, "contribute"));
  await signIn(b, "alice", branchUrl(branch, "contribute"));
  await editor(a).waitFor();
  await editor(b).waitFor();

  // B sits idle with nothing unsaved: A's save reaches B's editor live, and B then saves on top of it (issue 14).
  await typeOver(a, "Teams rebuild", "Teams keep rebuilding");
  await a.keyboard.press("Control+s");
  await a.locator('[data-save-status="saved"]').waitFor();
  await editor(b).getByText("Teams keep rebuilding").waitFor();
  await typeOver(b, "identical work", "the same work");
  await b.keyboard.press("Control+s");
  await b.locator('[data-save-status="saved"]').waitFor();
  expect(await b.getByText("This branch changed since you started editing").count()).toBe(0);
  await screenshot(b, "rfc-view-06a-idle-tab-followed");
  await editor(a).getByText("the same work").waitFor(); // and A, idle now, follows B's

  // B's next save is held on its way until A has saved: B had unsaved text, so it does not follow A, and its save is refused.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let intercepted = false;
  await b.route("**/flush", async (route) => {
    intercepted = true;
    await held;
    await route.continue();
  });
  await typeOver(b, "bad artefact", "broken artefact");
  await b.keyboard.press("Control+s");
  await waitUntil(() => intercepted, { what: "B's save to be on its way" });
  await typeOver(a, "14 minutes", "15 minutes");
  await a.keyboard.press("Control+s");
  await a.locator('[data-save-status="saved"]').waitFor();
  release();
  await b.getByText("This branch changed since you started editing").waitFor();
  await b.unroute("**/flush");
  await b.locator('[data-save-status="conflict"]').waitFor();
  expect(await editorText(b)).toContain("broken artefact"); // nothing typed is lost (§8.11)
  await b.getByRole("button", { name: "Reload (discard mine)" }).waitFor();
  await b.getByRole("button", { name: "Copy my text" }).waitFor();
  await screenshot(b, "rfc-view-06-conflict");

  // The two edits touch different paragraphs: Merge re-applies B's onto the new head.
  await b.getByRole("button", { name: "Merge" }).click();
  await b.locator('[data-save-status="saved"]').waitFor();
  const merged = await editorText(b);
  expect(merged).toContain("Our builds take 15 minutes on average");
  expect(merged).toContain("broken artefact");
  // A saw B's commit arrive live in the branch chat (SSE), without a reload (§8.4).
  await a.locator('li[data-kind="system"]').getByText(/changed Drawbacks/).waitFor();
  const text = await metaFile(`rfcs/${SLUG}.md`, `edit/${SLUG}/${branch}`);
  expect(text).toContain("Teams keep rebuilding");
  expect(text).toContain("the same work");
  expect(text).toContain("broken artefact");
});

test("an owner opens and merges the branch's PR; an older branch is then behind main and updates from it", async () => {
  // Its own RFC: merging moves main, which no other test may depend on.
  const slug = "e2e-view-merge";
  await seedSuperDraft({ slug, title: "Faster builds, merged", body: BODY, owners: ["alice"], arbiters: ["carol"] });
  const page = await alicePage(`/rfcs/${slug}`);
  await cutBranch(page, slug, "tighten");
  await editBranch(page, slug, "tighten", (t) => t.replace("14 minutes", "22 minutes"));
  await cutBranch(page, slug, "older"); // cut from main before the merge (§12)

  await page.goto(branchUrl("tighten", undefined, slug));
  await page.getByRole("button", { name: "Open PR" }).click();
  const dialog = page.getByRole("dialog", { name: /Open a pull request/ });
  await dialog.getByLabel("Title").fill("Tighten the intro");
  await dialog.getByLabel("Description").fill("Numbers from last month.");
  await dialog.getByRole("button", { name: "Open pull request" }).click();
  const merge = page.getByRole("button", { name: /^Merge PR #\d+$/ });
  await merge.waitFor().catch(explainBranches(page, slug, "pr-open"));
  await screenshot(page, "rfc-view-09-pr-open");
  await merge.click();
  const branches = page.getByRole("navigation", { name: "Branches and RFCs" });
  await branches.getByText(/#\d+ merged/).waitFor().catch(explainBranches(page, slug, "pr-merged"));

  // The merge moved main, which marks every branch's status stale (§9): the
  // branches route recomputes it on its next read.
  const api = appApi(page);
  await waitUntil(
    async () => {
      const { branches: list } = await api.get<{ branches: { name: string; behindBy: number }[] }>(`/api/rfcs/${slug}/branches`);
      return (list.find((b) => b.name === "older")?.behindBy ?? 0) > 0;
    },
    { what: "'older' to show as behind main" },
  );
  await page.goto(branchUrl("older", undefined, slug));
  await page.getByText(/Behind main by \d+ commit/).waitFor();
  await screenshot(page, "rfc-view-10-behind-main");
  await page.getByRole("button", { name: "Update from main" }).click();
  await page.getByText(/Behind main by/).waitFor({ state: "detached" });
  await page.getByRole("article", { name: "Document" }).getByText("22 minutes").waitFor();
});

test("a push to a PR's branch: the PR shows checking, then can merge, then merges", async () => {
  // Its own RFC: merging moves main. Gitea tests a merge in the background
  // after every push (FACTS §7.2); the forge holds that check until the
  // screenshot of "checking" is taken, then finishes it as Gitea would.
  const slug = "e2e-view-checking";
  await seedSuperDraft({ slug, title: "Faster builds, checked", body: BODY, owners: ["alice"], arbiters: ["carol"] });
  const page = await alicePage(`/rfcs/${slug}`);
  await cutBranch(page, slug, "recheck");
  await editBranch(page, slug, "recheck", (t) => t.replace("14 minutes", "9 minutes"));
  const api = appApi(page);
  const { pr } = await api.post<{ pr: { number: number } }>(`/api/rfcs/${slug}/branches/recheck/pr`, { title: "Recheck the numbers", description: "Measured again." });
  const prState = async () => {
    const { branches: list } = await api.get<{ branches: { name: string; pr: { number: number; mergeState: string | null } | null }[] }>(`/api/rfcs/${slug}/branches`);
    return list.find((b) => b.name === "recheck")?.pr?.mergeState ?? null;
  };
  await finishForgeChecks();
  await waitUntil(async () => (await prState()) === "mergeable", { what: "the new PR to be mergeable" });

  const branches = page.getByRole("navigation", { name: "Branches and RFCs" });
  const merge = page.getByRole("button", { name: `Merge PR #${pr.number}` });
  const before = await setForgeBehaviour({ mergeCheckMs: 120_000 });
  try {
    await pushToMeta(`rfcs/${slug}.md`, `edit/${slug}/recheck`, (t) => t.replace("Most of that time", "Most of those minutes"));
    await waitUntil(async () => (await prState()) === "checking", { what: "the app to see Gitea checking the pushed PR" }).catch(explainBranches(page, slug, "pr-checking"));
    await page.goto(branchUrl("recheck", undefined, slug));
    await branches.locator('[data-merge-state="checking"]').first().waitFor();
    await page.getByTestId("merge-why-not").getByText(/Gitea is checking/).waitFor();
    await page.getByRole("article", { name: "Document" }).getByText("9 minutes").waitFor();
    expect(await merge.isDisabled()).toBe(true);
    await screenshot(page, "rfc-view-11-pr-checking");
  } finally {
    await setForgeBehaviour(before);
    await finishForgeChecks();
  }
  // Nothing tells the app Gitea is done: it reads the PR again, and the page asks again while it shows "checking".
  await branches.locator('[data-merge-state="mergeable"]').first().waitFor().catch(explainBranches(page, slug, "pr-can-merge"));
  await branches.getByText("can merge").first().waitFor();
  expect(await merge.isEnabled()).toBe(true);
  await screenshot(page, "rfc-view-12-pr-can-merge");
  await merge.click();
  await branches.getByText(`#${pr.number} merged`).first().waitFor().catch(explainBranches(page, slug, "pr-merged-after-check"));
  await screenshot(page, "rfc-view-13-pr-merged-after-check");
  expect(await metaFile(`rfcs/${slug}.md`, "main")).toContain("Most of those minutes");
});

test("a task list: boxes show in both modes; alice ticks one with the mouse, one with Ctrl+Enter, adds one with Enter, and each save changes only those lines", async () => {
  const slug = "e2e-tasks";
  const body = "# Rollout\n\n## Checklist\n\n- [ ] Measure the cache hit rate\n- [x] Write the runbook\n- [ ] Tell the teams\n\nNotes follow.\n";
  await seedSuperDraft({ slug, title: "Rollout", body, owners: ["alice"] });
  const page = await alicePage(`/rfcs/${slug}`);
  await cutBranch(page, slug, "checklist");
  const onMain = (await metaFile(`rfcs/${slug}.md`, "main"))!;
  const saved = async (what: string, text: string) =>
    waitUntil(async () => (await metaFile(`rfcs/${slug}.md`, `edit/${slug}/checklist`)) === text, { what }).catch(explainBranches(page, slug, "tasks"));

  // Discuss mode renders the boxes as Markdown does: read-only, one ticked.
  const rendered = page.getByRole("article", { name: "Document" }).locator('input[type="checkbox"]');
  await rendered.first().waitFor();
  expect(await rendered.count()).toBe(3);
  expect(await page.getByRole("article", { name: "Document" }).locator('input[type="checkbox"]:checked').count()).toBe(1);
  await screenshot(page, "rfc-view-09-task-list-discuss");

  await page.goto(branchUrl("checklist", "contribute", slug));
  const item = (words: string) => editor(page).locator("li[data-checked]").filter({ hasText: words });
  await item("Measure").waitFor();
  expect(await editor(page).locator('li[data-checked] > input[type="checkbox"]').count()).toBe(3);
  expect(await item("Write the runbook").getAttribute("data-checked")).toBe("true");

  await item("Measure").locator('input[type="checkbox"]').click();
  await page.locator('li[data-checked="true"]').filter({ hasText: "Measure" }).waitFor();
  await page.locator('[data-save-status="unsaved"]').waitFor();
  await saved("the ticked box's commit", onMain.replace("- [ ] Measure", "- [x] Measure"));
  await screenshot(page, "rfc-view-10-task-list-contribute");

  // The keyboard: the caret in a task, Ctrl+Enter ticks it; Ctrl+S saves at once.
  await item("Tell the teams").locator("p").click();
  // ProseMirror takes the click's caret on selectionchange: press the keys once its state holds it.
  await page.waitForFunction(() => {
    const el = document.querySelector('[contenteditable="true"][aria-label="Document editor"]') as (Element & { editor?: { state: { selection: { $from: { parent: { textContent: string } } } } } }) | null;
    return el?.editor?.state.selection.$from.parent.textContent === "Tell the teams";
  });
  await page.keyboard.press("Control+Enter");
  await page.locator('li[data-checked="true"]').filter({ hasText: "Tell the teams" }).waitFor();
  // Enter after a ticked task opens a new, open one.
  await page.keyboard.press("End");
  await page.waitForFunction(() => {
    const el = document.querySelector('[contenteditable="true"][aria-label="Document editor"]') as (Element & { editor?: { state: { selection: { $from: { parentOffset: number; parent: { content: { size: number } } } } } } }) | null;
    const $from = el?.editor?.state.selection.$from;
    return !!$from && $from.parentOffset === $from.parent.content.size;
  });
  await page.keyboard.press("Enter");
  await page.keyboard.type("Celebrate");
  await page.locator('li[data-checked="false"]').filter({ hasText: "Celebrate" }).waitFor();
  await page.keyboard.press("Control+s");
  await saved("the keyboard's commit", onMain.replace("- [ ] Measure", "- [x] Measure").replace("- [ ] Tell the teams\n", "- [x] Tell the teams\n- [ ] Celebrate\n"));
});

test("the editor's code is one chunk of the RFC page, marked for V8 to compile as it loads (issue 15)", async () => {
  const page = await newPage();
  // The page's chunks, as the browser fetched them (webpack loads most of them after the HTML).
  const urls = new Set<string>();
  page.on("response", (r) => void (/\/_next\/static\/chunks\/.+\.js$/.test(r.url()) && urls.add(r.url())));
  const editorChunk = page.waitForResponse((r) => r.url().includes("/chunks/editor-"));
  await page.goto(`/rfcs/${SLUG}`); // resolves at the load event, which the chunks webpack adds before it wait for
  await editorChunk;
  const chunks = await Promise.all([...urls].map(async (src) => ({ src, text: await (await page.request.get(src)).text() })));
  const editor = chunks.filter((c) => /\/chunks\/editor-[0-9a-f]+\.js$/.test(c.src));
  expect(editor).toHaveLength(1);
  expect(editor[0].text.startsWith("//# allFunctionsCalledOnLoad\n")).toBe(true);
  // ProseMirror's view and tiptap's editor are in it, and in no other chunk of the page.
  const holding = (s: string) => chunks.filter((c) => c.text.includes(s)).map((c) => c.src);
  expect(holding("ProseMirror-hideselection")).toEqual([editor[0].src]);
  expect(holding("createExtensionManager")).toEqual([editor[0].src]);
});

import type { Page } from "playwright-core";
import { waitUntil } from "../helpers/wait";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { appApi, cutBranch, metaHead, seedSuperDraft } from "./helpers/world";

jest.setTimeout(300_000);

// §8.12 a range comment's highlight is drawn where its words are: in
// contribute mode, text typed before the quoted passage in the same
// paragraph and saved used to shift the highlight by the characters added
// ("readers bu[ild views from it. Events a]re") until a reload. A passage
// whose words are gone shows as detached. Another person's save moves it
// the same way, live, in a tab that never reloads.

const SLUG = "e2e-anchors";
const BODY = `# Event log

## Design

The log is the source of truth, and readers build views from it. Events are never rewritten once written.
`;
const QUOTE = "build views from it. Events";

const browser = browserForFile();
// bob owns it too, so he may edit alice's branches (§6).
beforeAll(() => seedSuperDraft({ slug: SLUG, title: "Event log", body: BODY, owners: ["alice", "bob"] }));

const editorSel = '[contenteditable="true"][aria-label="Document editor"]';
const branchPath = (branch: string) => `/api/rfcs/${SLUG}/branches/${encodeURIComponent(branch)}`;

/** Cuts `branch` and opens a thread on QUOTE in it, as the signed-in person of `page`. */
async function branchWithQuoteThread(page: Page, branch: string) {
  await cutBranch(page, SLUG, branch);
  const api = appApi(page);
  const doc = await api.get<{ text: string }>(`${branchPath(branch)}/document`);
  const at = doc.text.indexOf(QUOTE);
  const anchor = { kind: "range", quote: QUOTE, prefix: doc.text.slice(at - 32, at), suffix: doc.text.slice(at + QUOTE.length, at + QUOTE.length + 32) };
  const { thread } = await api.post<{ thread: { id: string } }>(`${branchPath(branch)}/threads`, { kind: "range", anchor, body: "Which views?" });
  return { api, thread };
}

/** Puts the editor's selection on `needle` (its first occurrence) and waits until ProseMirror holds it. */
async function select(page: Page, needle: string): Promise<void> {
  await page.locator(editorSel).click();
  await page.evaluate(
    ([sel, text]) => {
      const el = document.querySelector(sel)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + text.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`"${text}" is not in the editor`);
    },
    [editorSel, needle] as [string, string],
  );
  await page.waitForFunction(
    ([sel, text]) => {
      const state = (document.querySelector(sel) as (Element & { editor?: { state: { selection: { from: number; to: number }; doc: { textBetween(a: number, b: number): string } } } }) | null)?.editor?.state;
      return !!state && state.doc.textBetween(state.selection.from, state.selection.to) === text;
    },
    [editorSel, needle] as [string, string],
  );
}

/** The highlighted text of a thread, and whether its boxes cover the quoted words' boxes. */
async function highlight(page: Page, threadId: string, quote: string): Promise<{ text: string; covers: boolean }> {
  return page.evaluate(
    ([sel, id, text]) => {
      const marks = [...document.querySelectorAll<HTMLElement>(`${sel} [data-change-id="doc-thread:${id}"]`)];
      const shown = marks.map((m) => m.textContent).join("");
      // The words themselves, found in the editor's text nodes.
      const el = document.querySelector(sel)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let words: DOMRect[] = [];
      let full = "";
      const nodes: { node: Text; start: number }[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: full.length });
        full += n.textContent;
      }
      const at = full.indexOf(text);
      if (at >= 0) {
        const range = document.createRange();
        const locate = (offset: number) => {
          const hit = [...nodes].reverse().find((x) => x.start <= offset)!;
          return [hit.node, offset - hit.start] as const;
        };
        range.setStart(...locate(at));
        range.setEnd(...locate(at + text.length));
        words = [...range.getClientRects()].filter((r) => r.width > 0);
      }
      const boxes = marks.flatMap((m) => [...m.getClientRects()]);
      const inside = (r: DOMRect) => boxes.some((b) => r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 2 && r.bottom <= b.bottom + 2);
      return { text: shown, covers: words.length > 0 && words.every(inside) };
    },
    [editorSel, threadId, quote] as [string, string, string],
  );
}

test("a highlight stays on its words after a save that inserts text before it, and shows detached when they are gone", async () => {
  const branch = "anchor-drift";
  const page = await browser.newPage({ width: 1440, height: 900 });
  page.setDefaultTimeout(60_000);
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  const { api, thread } = await branchWithQuoteThread(page, branch);

  await page.goto(`/rfcs/${SLUG}?branch=${branch}&mode=contribute`);
  await waitUntil(async () => (await highlight(page, thread.id, QUOTE)).text === QUOTE, { what: "the highlight on its words" });

  // Type before the passage, in the same paragraph, and save; the threads are read again after the save.
  await select(page, "readers");
  const threadsRead = page.waitForResponse((r) => r.url().includes(`${branchPath(branch)}/threads`) && r.request().method() === "GET");
  await page.keyboard.type("all our readers");
  await page.keyboard.press("Control+s");
  await waitUntil(async () => (await metaHead(`edit/${SLUG}/${branch}`)).message.startsWith("Edit Design"), { what: "the save in Git" });
  await page.locator('[data-save-status="saved"]').waitFor();
  await threadsRead;
  // Once more after the threads came back: the view draws what it holds now.
  await waitUntil(async () => (await highlight(page, thread.id, QUOTE)).text === QUOTE, { what: "the highlight after the save", timeoutMs: 10_000 });
  expect(await highlight(page, thread.id, QUOTE)).toEqual({ text: QUOTE, covers: true });
  await screenshot(page, "anchors-01-after-save");

  // Typing again before it moves it along as well, before any save.
  await select(page, "The log");
  await page.keyboard.type("This log");
  expect(await highlight(page, thread.id, QUOTE)).toEqual({ text: QUOTE, covers: true });

  // The quoted words go: no highlight, and the thread says it is detached.
  await select(page, "views from it");
  await page.keyboard.type("tables from it");
  await page.keyboard.press("Control+s");
  await waitUntil(async () => (await metaHead(`edit/${SLUG}/${branch}`)).message.startsWith("Edit Design") && (await api.get<{ text: string }>(`${branchPath(branch)}/document`)).text.includes("tables from it"), {
    what: "the second save",
  });
  await page.locator('[data-save-status="saved"]').waitFor();
  expect((await highlight(page, thread.id, QUOTE)).text).toBe("");
  await page.getByRole("tab", { name: /Threads/ }).click();
  await page.getByRole("tabpanel").getByText("detached").waitFor();
  await screenshot(page, "anchors-02-detached");
});

test("a highlight stays on its words when another person saves an edit before it, without a reload", async () => {
  const branch = "anchor-other";
  const alice = await browser.newPage({ width: 1440, height: 900 });
  const bob = await browser.newPage({ width: 1440, height: 900 });
  alice.setDefaultTimeout(60_000);
  bob.setDefaultTimeout(60_000);
  await signIn(alice, "alice", `/rfcs/${SLUG}`);
  const { api, thread } = await branchWithQuoteThread(alice, branch);

  await alice.goto(`/rfcs/${SLUG}?branch=${branch}&mode=contribute`);
  await waitUntil(async () => (await highlight(alice, thread.id, QUOTE)).text === QUOTE, { what: "alice's highlight on its words" });
  // Marks this page: a reload would lose it.
  await alice.evaluate(() => ((window as unknown as { sameTab: boolean }).sameTab = true));

  // bob, in his own browser, types before the passage in the same paragraph, and a new paragraph above it, and saves.
  await signIn(bob, "bob", `/rfcs/${SLUG}?branch=${branch}&mode=contribute`);
  await bob.locator(editorSel).waitFor();
  await select(bob, "readers");
  await bob.keyboard.type("all our readers");
  await select(bob, "Design");
  await bob.keyboard.press("ArrowRight"); // the caret after the heading's text
  // ProseMirror reads the moved caret from the DOM's selectionchange, after the key: an Enter sent at once
  // would still act on the selected word and replace it.
  await bob.waitForFunction((sel) => {
    const state = (document.querySelector(sel) as (Element & { editor?: { state: { selection: { empty: boolean } } } }) | null)?.editor?.state;
    return !!state && state.selection.empty;
  }, editorSel);
  await bob.keyboard.press("Enter");
  await bob.keyboard.type("Written for the platform team.");
  await bob.keyboard.press("Control+s");
  await bob.locator('[data-save-status="saved"]').waitFor();
  await waitUntil(async () => (await api.get<{ text: string }>(`${branchPath(branch)}/document`)).text.includes("all our readers build views"), { what: "bob's save" });

  // alice's tab follows bob's save live, and her highlight is still on the quoted words.
  await alice.locator(editorSel).getByText("all our readers build views", { exact: false }).waitFor();
  await alice.locator(editorSel).getByText("Written for the platform team.").waitFor();
  await alice.locator(editorSel).locator("h2", { hasText: "Design" }).waitFor(); // bob's new paragraph went below the heading
  await waitUntil(async () => (await highlight(alice, thread.id, QUOTE)).text === QUOTE, { what: "alice's highlight after bob's save", timeoutMs: 10_000 });
  expect(await highlight(alice, thread.id, QUOTE)).toEqual({ text: QUOTE, covers: true });
  expect(await alice.evaluate(() => (window as unknown as { sameTab?: boolean }).sameTab)).toBe(true); // never reloaded
  await screenshot(alice, "anchors-03-after-another-save");
});

import type { Locator, Page } from "playwright-core";
import { waitUntil } from "../helpers/wait";
import { expectNoSeriousViolations } from "./helpers/axe";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { cutBranch, metaHead, seedSuperDraft } from "./helpers/world";

jest.setTimeout(300_000);

// The RFC view on every screen (§8.1, issue 17): on a phone one pane at a
// time — Document, Conversation, Branches — chosen by a tab bar at the
// bottom, worked by touch and keyboard; on a tablet the document and the
// conversation side by side with the branches in a drawer; three columns
// from 1100 px up. Nothing overlaps and nothing scrolls sideways.

const SLUG = "e2e-phone";
const BODY = `# Offline mode

## Summary

The app keeps working without a network: edits queue on the device and sync when the connection returns.

## Motivation

People write RFCs on trains and planes. Losing a paragraph to a dropped connection is the most common complaint we hear.
`;

const browser = browserForFile();
beforeAll(() => seedSuperDraft({ slug: SLUG, title: "Offline mode for the whole app", body: BODY, owners: ["alice"] }));

const editorSel = '[contenteditable="true"][aria-label="Document editor"]';

/** Visible controls under `root` whose boxes overlap one another or leave the viewport. */
async function crowded(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    const width = document.documentElement.clientWidth;
    const visible = [...el.querySelectorAll<HTMLElement>("button, a, [role=tab], [role=radio], kbd, input, textarea")].filter((n) => {
      const r = n.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(n).visibility !== "hidden";
    });
    const name = (n: HTMLElement) => `${n.tagName.toLowerCase()} "${(n.getAttribute("aria-label") ?? n.textContent ?? "").trim().slice(0, 30)}"`;
    const out: string[] = [];
    for (const n of visible) {
      const r = n.getBoundingClientRect();
      if (r.left < -1 || r.right > width + 1) out.push(`${name(n)} leaves the screen (${Math.round(r.left)}–${Math.round(r.right)} of ${width})`);
      if (n.tagName !== "KBD" && r.width < 20) out.push(`${name(n)} is squeezed to ${Math.round(r.width)} px`);
      // Whatever is drawn on top at its centre must be the control itself.
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (r.top >= 0 && r.bottom <= innerHeight && top && !n.contains(top)) out.push(`${name(n)} is covered by ${top.tagName.toLowerCase()} "${(top.textContent ?? "").trim().slice(0, 30)}"`);
    }
    for (let i = 0; i < visible.length; i++) {
      for (let j = i + 1; j < visible.length; j++) {
        const [a, b] = [visible[i], visible[j]];
        if (a.contains(b) || b.contains(a)) continue;
        const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
        const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > 1 && h > 1) out.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    return out;
  });
}

async function expectTidy(page: Page, where: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect({ where, scrollWidth: scroll <= width ? "fits" : scroll }).toEqual({ where, scrollWidth: "fits" });
  const header = page.locator("main header").first();
  expect({ where, header: await crowded(header) }).toEqual({ where, header: [] });
  const tabs = page.getByRole("tablist", { name: "RFC view" });
  if (await tabs.isVisible()) expect({ where, tabs: await crowded(tabs) }).toEqual({ where, tabs: [] });
}

const pane = (page: Page, name: string) => page.getByRole("tab", { name, exact: true });

test("on a phone: one pane at a time; open the branch list, switch branch, edit and chat by touch", async () => {
  const page = await browser.newPage({ width: 390, height: 844, touch: true });
  page.setDefaultTimeout(60_000);
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  await cutBranch(page, SLUG, "on-the-train");
  await page.goto(`/rfcs/${SLUG}`);
  const doc = page.getByRole("article", { name: "Document" });
  await doc.getByText("People write RFCs on trains").waitFor();

  // The document has the screen; the conversation waits behind its tab.
  expect(await pane(page, "Document").getAttribute("aria-selected")).toBe("true");
  expect(await page.getByRole("complementary", { name: "Conversation" }).isVisible()).toBe(false);
  expect((await doc.boundingBox())!.width).toBeGreaterThan(320);
  await expectTidy(page, "phone, main");
  await expectNoSeriousViolations(page, "the RFC view on a phone");
  await screenshot(page, "phone-01-document");

  // The branch list opens from the tab bar, and a branch opens from it.
  await pane(page, "Branches").tap();
  const nav = page.getByRole("navigation", { name: "Branches and RFCs" });
  const link = nav.getByRole("link", { name: /on-the-train/ });
  await link.waitFor();
  expect(await doc.isVisible()).toBe(false);
  await screenshot(page, "phone-02-branches");
  await link.tap();
  await page.waitForURL((u) => u.searchParams.get("branch") === "on-the-train");
  await doc.getByText("People write RFCs on trains").waitFor();
  expect(await pane(page, "Document").getAttribute("aria-selected")).toBe("true");

  // The header's branch switcher is in reach too, and its menu fits the screen.
  await page.getByRole("button", { name: /switch branch$/ }).tap();
  const menu = page.getByRole("menu"); // Radix names it after its trigger (aria-labelledby)
  await menu
    .getByRole("menuitem", { name: /main/ })
    .waitFor()
    .catch(async (err) => {
      await screenshot(page, "phone-failed-branch-menu");
      console.log("[phone] the trigger:", await page.getByRole("button", { name: /switch branch$/ }).evaluate((el) => el.outerHTML));
      throw err;
    });
  const box = (await menu.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await screenshot(page, "phone-03-branch-menu");
  await page.keyboard.press("Escape");
  await menu.waitFor({ state: "hidden" });
  await expectTidy(page, "phone, branch");

  // Edit: contribute mode, type, save.
  await page.getByRole("radio", { name: "Contribute" }).tap();
  const editor = page.locator(editorSel);
  await editor.waitFor();
  await editor.getByText("most common complaint").tap();
  await page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf("most common");
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + "most common".length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
  }, editorSel);
  await page.waitForFunction((sel) => {
    const state = (document.querySelector(sel) as (Element & { editor?: { state: { selection: { from: number; to: number }; doc: { textBetween(a: number, b: number): string } } } }) | null)?.editor?.state;
    return !!state && state.doc.textBetween(state.selection.from, state.selection.to) === "most common";
  }, editorSel);
  await page.keyboard.type("commonest");
  await page.getByRole("button", { name: "Save", exact: true }).tap();
  await waitUntil(async () => /^Edit Motivation[^]*On-behalf-of: Alice Archer <alice>/.test((await metaHead(`edit/${SLUG}/on-the-train`)).message), { what: "the phone's edit in Git" });
  await page.locator('[data-save-status="saved"]').waitFor();
  expect(await editor.textContent()).toContain("the commonest complaint");
  await expectTidy(page, "phone, contribute");
  await screenshot(page, "phone-04-contribute");

  // Chat: the conversation pane, a message with a line break kept.
  await pane(page, "Conversation").tap();
  const input = page.getByPlaceholder("Write a message…");
  await input.tap();
  await input.fill("Tested on my phone.\nThe editor keeps up.");
  await page.keyboard.press("Enter");
  const message = page.locator('li[data-kind="user"]', { hasText: "Tested on my phone." });
  await message.waitFor();
  expect(await message.locator("p").first().innerHTML()).toMatch(/Tested on my phone\.<br>\s*The editor keeps up\./);
  expect(await doc.isVisible()).toBe(false);
  expect(await crowded(page.getByRole("complementary", { name: "Conversation" }))).toEqual([]);
  await expectTidy(page, "phone, conversation");
  await expectNoSeriousViolations(page, "the conversation pane on a phone");
  await screenshot(page, "phone-05-chat");

  // Keyboard: the tab bar is one tablist; arrows move along it.
  await pane(page, "Conversation").focus();
  await page.keyboard.press("ArrowRight");
  expect(await pane(page, "Branches").getAttribute("aria-selected")).toBe("true");
  await page.keyboard.press("Home");
  expect(await pane(page, "Document").getAttribute("aria-selected")).toBe("true");
  await page.locator(editorSel).waitFor();
});

test("on a tablet the document and the conversation sit side by side; 1280 and 2560 keep three columns", async () => {
  const page = await browser.newPage({ width: 768, height: 1024, touch: true });
  page.setDefaultTimeout(60_000);
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  const doc = page.getByRole("article", { name: "Document" });
  await doc.getByText("People write RFCs on trains").waitFor();
  const conversation = page.getByRole("complementary", { name: "Conversation" });
  await conversation.waitFor();
  expect(await page.getByRole("tablist", { name: "RFC view" }).isVisible()).toBe(false);
  const [d, c] = [(await doc.boundingBox())!, (await conversation.boundingBox())!];
  expect(d.x + d.width).toBeLessThanOrEqual(c.x + 1);
  expect(d.width).toBeGreaterThan(280);
  await expectTidy(page, "tablet");
  await screenshot(page, "tablet-01-two-columns");
  await page.getByRole("button", { name: "Show branches and RFCs" }).tap();
  await page.getByRole("navigation", { name: "Branches and RFCs" }).getByRole("link", { name: /^main/ }).first().waitFor();
  await screenshot(page, "tablet-02-drawer");

  for (const width of [1280, 2560]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole("navigation", { name: "Branches and RFCs" }).waitFor();
    expect(await page.getByRole("tablist", { name: "RFC view" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Show branches and RFCs" }).isVisible()).toBe(false);
    const [n, m, a] = [await page.getByRole("navigation", { name: "Branches and RFCs" }).boundingBox(), await doc.boundingBox(), await conversation.boundingBox()];
    expect(n!.x + n!.width).toBeLessThanOrEqual(m!.x + 1);
    expect(m!.x + m!.width).toBeLessThanOrEqual(a!.x + 1);
    await expectTidy(page, `${width} px`);
    await screenshot(page, `wide-${width}`);
  }
});

test("/favicon.ico is ours", async () => {
  const page = await browser.newPage();
  const res = await page.request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  const body = await res.body();
  expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO header
});

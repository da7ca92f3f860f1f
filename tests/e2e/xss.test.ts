import type { Dialog, Locator, Page } from "playwright-core";
import { waitUntil } from "../helpers/wait";
import { GOOD_LINKS, SENDABLE_XSS_VECTORS, xssDocument } from "../fixtures/xss/owasp-vectors";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { e2eInfo } from "./harness/info";
import { aiChange, appApi, cutBranch, forgeApi, seedSuperDraft } from "./helpers/world";

// Issue 12 in Chromium: the OWASP filter-evasion vectors (tests/fixtures/xss)
// on every surface that shows people's text — the document, a chat message,
// a change card, a flag note, an idea's summary and the bell's notifications (the vectors holding a NUL
// only where Git brings them, the document: routes refuse them). Every page counts script
// runs in window.__xss (alert, confirm, prompt and print bump it, and so
// does any dialog); after load, every element gets mouseover, focus and
// toggle events and every link is clicked. The count must stay 0.
// The pages run with the CSP bypassed, so this measures the sanitiser alone;
// the CSP (tests/e2e/http-errors.test.ts) is a second wall behind it.

const SLUG = "e2e-xss";
const CARD_ORIGINAL = "Plain paragraph for the card.";
const browser = browserForFile();

beforeAll(() =>
  seedSuperDraft({ slug: SLUG, title: "Hostile text everywhere", body: `# Hostile text\n\n${CARD_ORIGINAL}\n\n${xssDocument()}`, owners: ["bob"], proposedBy: "bob" }),
);

/** A page whose every script run is counted in window.__xss. */
async function countingPage(): Promise<{ page: Page; runs: () => Promise<number> }> {
  const page = await browser.newPage({ width: 1440, height: 900, bypassCSP: true });
  const context = page.context();
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __xss: number };
    w.__xss = 0;
    for (const name of ["alert", "confirm", "prompt", "print"]) w[name] = () => void w.__xss++;
  });
  let dialogs = 0;
  page.on("dialog", (d: Dialog) => void (dialogs++, d.dismiss()));
  context.on("page", (p: Page) => void (p !== page && p.close().catch(() => undefined))); // links open in new tabs
  return { page, runs: async () => dialogs + (await page.evaluate(() => (window as unknown as { __xss: number }).__xss)) };
}

/** Hovers, focuses and toggles every element under `root`, then clicks every link. */
async function poke(page: Page, root: Locator): Promise<number> {
  await root.evaluate((el) => {
    for (const node of [el, ...el.querySelectorAll("*")]) {
      for (const type of ["mouseover", "mouseenter", "mousemove", "focus", "focusin", "toggle", "animationstart", "load", "error"])
        node.dispatchEvent(new Event(type, { bubbles: type !== "mouseenter" && type !== "focus" }));
      if (node instanceof HTMLDetailsElement) node.open = !node.open;
    }
  });
  const links = await root.locator("a").all();
  for (const link of links) await link.click({ noWaitAfter: true, force: true, timeout: 5_000 }).catch(() => undefined);
  return links.length;
}

test("the counter counts: a script that runs is seen", async () => {
  const { page, runs } = await countingPage();
  await page.goto(`/rfcs/${SLUG}`);
  await page.evaluate(() => alert(1));
  expect(await runs()).toBe(1);
});

test("document: no vector runs on load, hover or click; the good links still work", async () => {
  const { page, runs } = await countingPage();
  await page.goto(`/rfcs/${SLUG}`);
  const doc = page.getByRole("article", { name: "Document" });
  await doc.getByText("xxs link").waitFor();
  expect(await runs()).toBe(0);
  const clicked = await poke(page, doc);
  expect(clicked).toBeGreaterThanOrEqual(4);
  const hrefs = await doc.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.map((h) => new URL(h).protocol).filter((p) => !["http:", "https:", "mailto:"].includes(p))).toEqual([]);
  expect(hrefs).toEqual(expect.arrayContaining(["https://example.org/ok", "mailto:a@example.org"]));
  await screenshot(page, "xss-01-document");
  expect(await runs()).toBe(0);
});

test("chat messages: no vector runs", async () => {
  const { page, runs } = await countingPage();
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  const api = appApi(page);
  const { threads } = await api.get<{ threads: { id: string; kind: string }[] }>(`/api/rfcs/${SLUG}/branches/main/threads`);
  const main = threads.find((t) => t.kind === "main")!;
  const texts = [GOOD_LINKS, ...SENDABLE_XSS_VECTORS.map((v) => v.text)];
  for (let i = 0; i < texts.length; i += 15) await api.post(`/api/threads/${main.id}/messages`, { body: texts.slice(i, i + 15).join("\n\n") });
  await page.reload();
  await page.getByRole("tab", { name: /Chat/ }).click();
  const chat = page.locator("#conversation-panel");
  await chat.getByText("xxs link").first().waitFor();
  expect(await runs()).toBe(0);
  expect(await poke(page, chat)).toBeGreaterThanOrEqual(4);
  await screenshot(page, "xss-02-chat");
  expect(await runs()).toBe(0);
});

// Vectors the fake AI can carry: its `replace "X" with "Y" because Z` rule takes no double quotes.
const quoteless = SENDABLE_XSS_VECTORS.map((v) => v.text).filter((t) => !t.includes('"') && !t.includes("\n"));

test("change card (and the AI reply around it): no vector runs", async () => {
  const { page, runs } = await countingPage();
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  const branch = "xss-card";
  await cutBranch(page, SLUG, branch);
  await aiChange(page, SLUG, branch, { original: CARD_ORIGINAL, proposed: quoteless.slice(0, 12).join(" "), reason: quoteless.slice(12).join(" ") });
  await page.goto(`/rfcs/${SLUG}?branch=${branch}`);
  await page.getByRole("tab", { name: /Changes/ }).click();
  const card = page.locator("li[data-change-id]").first();
  await card.waitFor();
  expect(await runs()).toBe(0);
  await poke(page, card);
  await page.getByRole("tab", { name: /Chat/ }).click();
  await page.locator('li[data-kind="ai"]').last().waitFor();
  await poke(page, page.locator("#conversation-panel"));
  await screenshot(page, "xss-03-change-card");
  expect(await runs()).toBe(0);
});

test("flag notes: no vector runs for the owner who reads them", async () => {
  const alice = await countingPage();
  await signIn(alice.page, "alice", `/rfcs/${SLUG}`);
  const api = appApi(alice.page);
  const { threads } = await api.get<{ threads: { id: string; kind: string }[] }>(`/api/rfcs/${SLUG}/branches/main/threads`);
  const main = threads.find((t) => t.kind === "main")!;
  const { message } = await api.post<{ message: { id: string } }>(`/api/threads/${main.id}/messages`, { body: "Flag me" });
  const notes: string[] = [];
  for (const v of SENDABLE_XSS_VECTORS) {
    if (notes.length && `${notes.at(-1)}\n${v.text}`.length < 1900) notes[notes.length - 1] += `\n${v.text}`;
    else notes.push(v.text);
  }
  for (const note of notes) await api.post("/api/flags", { rfcSlug: SLUG, branch: "main", messageId: message.id, kind: "blocking", note });

  const bob = await countingPage();
  await signIn(bob.page, "bob", `/rfcs/${SLUG}`);
  await bob.page.getByRole("tab", { name: /Flags/ }).click();
  const panel = bob.page.locator("#conversation-panel");
  await waitUntil(async () => (await panel.getByText("xxs link").count()) > 0, { what: "the flag notes to show" });
  expect(await bob.runs()).toBe(0);
  await poke(bob.page, panel);
  await screenshot(bob.page, "xss-04-flags");
  expect(await bob.runs()).toBe(0);
});

test("idea summary: no vector runs in the pending ideas list", async () => {
  const { page, runs } = await countingPage();
  await signIn(page, "alice", "/propose");
  await page.getByLabel("Title").fill("Hostile summary");
  await page.getByLabel("Summary").fill(xssDocument(SENDABLE_XSS_VECTORS));
  await page.getByRole("button", { name: "Propose idea" }).click();
  await page.waitForURL((u) => u.pathname === "/" && u.searchParams.has("proposed"), { timeout: 60_000 });
  const idea = page.locator('details#pending-ideas li[data-idea="hostile-summary"]');
  await idea.waitFor();
  expect(await runs()).toBe(0);
  await poke(page, idea);
  await screenshot(page, "xss-05-idea");
  expect(await runs()).toBe(0);
});

test("notifications: a hostile display name and a hostile reason show as text in the bell, and no vector runs", async () => {
  // mallory's Gitea full name is HTML and Markdown; the app takes it at sign-in and names her by it (§15.9).
  const hostileName = `<img src=x onerror=alert(1)>**Mal**<script>alert(2)</script>`;
  const made = await forgeApi("/api/v1/admin/users", {
    method: "POST",
    body: JSON.stringify({ username: "mallory", email: "mallory@forge.local", password: "pw-mallory-123456", full_name: hostileName, must_change_password: false }),
  }, e2eInfo().forgeAdminToken);
  expect(made.status).toBe(201);
  const alice = await countingPage();
  await signIn(alice.page, "alice", "/");
  const mallory = await browser.newPage({ width: 1280, height: 800 });
  await signIn(mallory, "mallory", `/rfcs/${SLUG}`);
  const { threads } = await appApi(mallory).get<{ threads: { id: string; kind: string }[] }>(`/api/rfcs/${SLUG}/branches/main/threads`);
  await appApi(mallory).post(`/api/threads/${threads.find((t) => t.kind === "main")!.id}/messages`, { body: "@alice have a look" });
  await mallory.close();
  // bob withdraws a draft alice arbitrates, with a reason of HTML and Markdown.
  await seedSuperDraft({ slug: "e2e-xss-withdrawn", title: "To withdraw", body: "# To withdraw\n\nText.\n", owners: ["bob"], arbiters: ["alice"], proposedBy: "bob" });
  const bob = await browser.newPage({ width: 1280, height: 800 });
  await signIn(bob, "bob", "/");
  const reason = `<img src=x onerror=alert(3)> [click](javascript:alert(4)) <a href="javascript:alert(5)">a</a> **done**`;
  await appApi(bob).post("/api/rfcs/e2e-xss-withdrawn/withdraw", { reason });
  await bob.close();

  await alice.page.reload();
  await alice.page.getByRole("button", { name: /^Notifications, \d+ unread/ }).click();
  const list = alice.page.getByRole("menu");
  await list.getByText(`${hostileName} mentioned you on ${SLUG}`, { exact: true }).waitFor();
  await list.getByText(`Bob Baker withdrew e2e-xss-withdrawn: ${reason}`, { exact: true }).waitFor();
  expect(await list.locator("img, script, a[href^='javascript'], strong").count()).toBe(0);
  expect(await alice.runs()).toBe(0);
  await poke(alice.page, list);
  await screenshot(alice.page, "xss-06-notifications");
  expect(await alice.runs()).toBe(0);
});

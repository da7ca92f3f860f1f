import type { Locator, Page } from "playwright-core";
import { waitUntil } from "../helpers/wait";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { aiChange, appApi, cutBranch, seedSuperDraft } from "./helpers/world";

// Issue 14 in a real browser: a conversation that stays live for everyone.
// Two people on one branch see each other's cards, decisions and commits
// without a reload; a long thread opens at its newest message; the composer
// stays usable while the AI answers; Stop ends a reply; and a reply goes on
// when the person who asked leaves.

jest.setTimeout(240_000);

const SLUG = "e2e-live";
const FIRST = "Our builds take 14 minutes on average.";
const FIRST_NEW = "Our builds take 14 minutes on average, 25 at the 95th percentile.";
const SECOND = "A poisoned entry could spread a bad artefact to every build.";
const SECOND_NEW = "A poisoned entry could spread a bad artefact to every later build.";
const BODY = `# Live builds\n\n## Motivation\n\n${FIRST} Most of that time compiles code that did not change.\n\n## Drawbacks\n\n${SECOND}\n`;

const browser = browserForFile();
beforeAll(() => seedSuperDraft({ slug: SLUG, title: "Live builds", body: BODY, owners: ["bob"], proposedBy: "bob" }));

const doc = (page: Page) => page.locator('[aria-label="Document"]').first();
const branchUrl = (branch: string) => `/rfcs/${SLUG}?branch=${branch}`;
/** Whether the element is within its chat's scrolled viewport (isVisible() ignores scrolling). */
const inView = (l: Locator) =>
  l.evaluate((el) => {
    const box = el.closest("[data-chat-scroll]")!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.bottom > box.top + 1 && r.top < box.bottom - 1;
  });
const threadOf = async (page: Page, branch: string) => {
  const { threads } = await appApi(page).get<{ threads: { id: string; kind: string }[] }>(`/api/rfcs/${SLUG}/branches/${branch}/threads`);
  return threads.find((t) => t.kind === "main")!.id;
};

test("two people on one branch: a new card, an accept and its commit reach the other without a reload", async () => {
  const alice = await browser.newPage({ width: 1440, height: 900 });
  const bob = await browser.newPage({ width: 1440, height: 900 });
  await signIn(alice, "alice", `/rfcs/${SLUG}`);
  await signIn(bob, "bob", `/rfcs/${SLUG}`);
  await cutBranch(alice, SLUG, "together");
  const first = await aiChange(alice, SLUG, "together", { original: FIRST, proposed: FIRST_NEW, reason: "Averages hide slow builds." });

  // Both open the branch; alice's own branch opens in her editor, idle with nothing unsaved.
  for (const page of [alice, bob]) {
    await page.goto(branchUrl("together"));
    await page.getByRole("tab", { name: /^Changes/ }).click();
    await page.locator(`li[data-change-id="${first.id}"]`).waitFor();
  }
  // A card proposed after both pages loaded appears on bob's Changes tab by itself.
  const second = await aiChange(alice, SLUG, "together", { original: SECOND, proposed: SECOND_NEW, reason: "Only later builds." });
  await bob.locator(`li[data-change-id="${second.id}"]`).waitFor();
  await screenshot(bob, "live-01-new-card-arrives");

  // bob (an owner) accepts the first: alice's card leaves the pending list and her document follows the new head.
  await bob.locator(`li[data-change-id="${first.id}"]`).getByRole("button", { name: "Accept" }).click();
  await alice.locator(`ul[aria-label="Pending changes"] li[data-change-id="${first.id}"]`).waitFor({ state: "detached" });
  await doc(alice).getByText("25 at the 95th percentile", { exact: false }).waitFor();
  await alice.getByText(/^Decided \(/).click();
  await alice.locator(`li[data-change-id="${first.id}"]`).getByText(/accepted by Bob/i).waitFor();
  await screenshot(alice, "live-02-accept-seen-by-the-other");

  // Declined meanwhile by alice, bob's Accept is refused and says why in words.
  await appApi(alice).post(`/api/changes/${second.id}/decline`, {});
  const refused = bob.locator(`li[data-change-id="${second.id}"]`);
  // The decline reaches bob live too: his card moves to the decided ones without a reload.
  await bob.locator(`ul[aria-label="Pending changes"] li[data-change-id="${second.id}"]`).waitFor({ state: "detached" });
  await bob.getByText(/^Decided \(/).click();
  await refused.getByText(/declined by Alice/i).waitFor();
  await alice.close();
  await bob.close();
});

test("a long thread opens at its newest message; a reader scrolled up gets a 'new messages' pill", async () => {
  const carol = await browser.newPage({ width: 1280, height: 800 });
  await signIn(carol, "carol", `/rfcs/${SLUG}`);
  await cutBranch(carol, SLUG, "long-thread");
  const thread = await threadOf(carol, "long-thread");
  for (let i = 1; i <= 40; i++) await appApi(carol).post(`/api/threads/${thread}/messages`, { body: `Message number ${i} in a long thread.` });
  await carol.goto(branchUrl("long-thread"));
  await carol.getByRole("tab", { name: /Chat/ }).click();
  const scroller = carol.locator("[data-chat-scroll]");
  const last = scroller.getByText("Message number 40 in a long thread.");
  await last.waitFor();
  await waitUntil(() => inView(last), { what: "the newest message in view" });
  expect(await inView(scroller.getByText("Message number 1 in a long thread."))).toBe(false);
  await screenshot(carol, "live-03-long-thread-at-bottom");

  // Scrolled up, a message from someone else does not move the reader: a pill counts it.
  await scroller.evaluate((el) => (el.scrollTop = 0));
  const bob = await browser.newPage();
  await signIn(bob, "bob", `/rfcs/${SLUG}`);
  await appApi(bob).post(`/api/threads/${thread}/messages`, { body: "A new message while carol reads the start." });
  const pill = carol.getByRole("button", { name: /1 new message/ });
  await pill.waitFor();
  // Still at the top: the new message arrived below, out of view.
  expect(await inView(scroller.getByText("Message number 1 in a long thread."))).toBe(true);
  await screenshot(carol, "live-04-new-messages-pill");
  await pill.click();
  await waitUntil(() => inView(scroller.getByText("A new message while carol reads the start.")), { what: "the new message in view after the pill" });
  await carol.close();
  await bob.close();
});

test("the composer works while the AI answers, Stop ends the reply, and a reply goes on when the asker leaves", async () => {
  const alice = await browser.newPage({ width: 1440, height: 900 });
  await signIn(alice, "alice", `/rfcs/${SLUG}`);
  await cutBranch(alice, SLUG, "slow-ai");
  await alice.goto(branchUrl("slow-ai"));
  await alice.getByRole("tab", { name: /Chat/ }).click();
  const composer = alice.getByPlaceholder(/Write a message/);

  await composer.fill("@ai answer slowly, please");
  await alice.getByRole("button", { name: "Ask AI" }).click();
  const reply = alice.locator('li[data-kind="ai"]').last();
  await reply.getByText("Point 2 of a long answer.").waitFor({ timeout: 60_000 });
  // While it streams, alice posts a plain message: the composer is not locked.
  await composer.fill("Meanwhile, a human note.");
  await composer.press("Enter");
  await alice.getByText("Meanwhile, a human note.").waitFor();
  await screenshot(alice, "live-05-composer-during-reply");
  await reply.getByRole("button", { name: "Stop" }).click();
  await reply.getByText(/Stopped by Alice/).waitFor();
  const text = (await reply.textContent()) ?? "";
  expect(text).not.toContain("Point 60 of a long answer.");
  await screenshot(alice, "live-06-stopped");

  // Asked again, then alice leaves the page: the reply is stored complete anyway.
  await composer.fill("@ai answer slowly, once more");
  await alice.getByRole("button", { name: "Ask AI" }).click();
  await alice.locator('li[data-kind="ai"]').last().getByText("Point 1 of a long answer.").waitFor({ timeout: 60_000 });
  await alice.goto("/");
  const thread = await threadOf(alice, "slow-ai");
  const done = await waitUntil(
    async () => {
      const { messages } = await appApi(alice).get<{ messages: { authorKind: string; status: string; body: string }[] }>(`/api/threads/${thread}/messages`);
      const last = messages.filter((m) => m.authorKind === "ai").at(-1);
      return last && last.status !== "streaming" && last;
    },
    { what: "the reply to finish after the asker left", timeoutMs: 120_000 },
  );
  expect(done.status).toBe("complete");
  expect(done.body).toContain("Point 60 of a long answer.");
  await alice.goto(branchUrl("slow-ai"));
  await alice.getByRole("tab", { name: /Chat/ }).click();
  await alice.getByText("Point 60 of a long answer.").waitFor();
  await screenshot(alice, "live-07-completed-after-leaving");
  await alice.close();
});

/** `n` tabs of one browser, alice signed in, each on the RFC with its document shown and following live. */
async function rfcTabs(n: number): Promise<Page[]> {
  const first = await browser.newPage({ width: 1280, height: 800 });
  await signIn(first, "alice", `/rfcs/${SLUG}`);
  const tabs = [first];
  while (tabs.length < n) tabs.push(await first.context().newPage());
  for (const tab of tabs) {
    if (tab !== first) await tab.goto(`/rfcs/${SLUG}`);
    await doc(tab).getByText(FIRST).waitFor();
    await tab.locator('[data-live-status="live"]').first().waitFor();
  }
  return tabs;
}

test("RFCs open in several tabs hold one live connection each, so one more tab of the app still loads", async () => {
  // Browsers allow six HTTP/1.1 connections per host: a page holding two streams (its live topics and, apart,
  // its lifecycle) let three RFC tabs take all six, and a fourth never loaded.
  const [first] = await rfcTabs(4);
  // Every tab follows live, and the catalog opens beside them.
  const catalog = await first.context().newPage();
  await catalog.goto("/");
  await catalog.getByRole("heading", { name: "RFCs", exact: true }).waitFor();
});

/** What the browser does when another tab comes to the front (headless Chromium shows every tab, so the test says it). */
const setVisibility = (page: Page, state: "hidden" | "visible") =>
  page.evaluate((s) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => s === "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);

test("tabs in the background let go of their live connections, so a seventh tab loads; a tab shown again catches up", async () => {
  // Six HTTP/1.1 connections per host serve all of a browser's tabs of the app: six RFC tabs, each following
  // live, held them all, and a seventh never loaded. A tab hidden for a while now lets its connection go.
  const tabs = await rfcTabs(6);
  const [first] = tabs;
  for (const tab of tabs) await setVisibility(tab, "hidden");
  for (const tab of tabs) await tab.locator('[data-live-status="connecting"]').first().waitFor({ timeout: 60_000 });

  const seventh = await first.context().newPage();
  await seventh.goto(`/rfcs/${SLUG}`);
  await doc(seventh).getByText(FIRST).waitFor();
  await seventh.locator('[data-live-status="live"]').first().waitFor();

  // Posted while the first tab is in the background: there once it is shown, from where it left off.
  const note = "Posted while the first tab was in the background.";
  await appApi(seventh).post(`/api/threads/${await threadOf(seventh, "main")}/messages`, { body: note });
  await seventh.getByText(note).waitFor();
  expect(await first.getByText(note).count()).toBe(0);
  await setVisibility(first, "visible");
  await first.locator('[data-live-status="live"]').first().waitFor();
  await first.getByText(note).waitFor();
  expect(await first.getByText(note).count()).toBe(1);
  await screenshot(first, "live-08-shown-again-caught-up");
  await first.context().close();
});

test("an RFC view reads its lifecycle once as its live connection comes up, and stays live as it follows its branch and thread", async () => {
  // The view follows the RFC at once, its branch and thread as they load: each new topic opens a new connection.
  // Opened beside the live one (which delivers until the new one is ready), it leaves no gap to read again for,
  // and nothing to show as "reconnecting"; closing the old one first did both, for every topic the view added.
  const page = await browser.newPage({ width: 1280, height: 800 });
  await page.addInitScript(() => {
    const w = window as unknown as { __statuses: string[]; __ready: string[] };
    w.__statuses = [];
    w.__ready = [];
    const Original = window.EventSource;
    window.EventSource = class extends Original {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener("ready", () => w.__ready.push(String(url)));
      }
    };
    new MutationObserver(() => {
      const status = document.querySelector("[data-live-status]")?.getAttribute("data-live-status");
      if (status && status !== w.__statuses.at(-1)) w.__statuses.push(status);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-live-status"] });
  });
  const lifecycleReads: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "GET" && new URL(r.url()).pathname === `/api/rfcs/${SLUG}/lifecycle`) lifecycleReads.push(r.url());
  });
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  await doc(page).getByText(FIRST).waitFor();
  // Until the connection that follows the thread too is up.
  await waitUntil(() => page.evaluate(() => (window as unknown as { __ready: string[] }).__ready.some((u) => decodeURIComponent(u).includes("thread:"))), { what: "the thread followed live" });
  await page.locator('[data-live-status="live"]').first().waitFor();
  // Let the page's effects of that run (a read would start in them).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
  const statuses = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
  expect(statuses.slice(statuses.indexOf("live"))).toEqual(["live"]);
  expect(lifecycleReads).toHaveLength(1);
  await page.close();
});

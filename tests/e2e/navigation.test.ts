import type { Page, Request, Route } from "playwright-core";
import { NO_ANSWER_MS, STALL_MS } from "@/components/navigation/navigation-watchdog";
import { waitUntil } from "../helpers/wait";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { cutBranch, editBranch, seedSuperDraft } from "./helpers/world";

jest.setTimeout(300_000);

// A click on a link opens its page even when the client router never
// commits the navigation (components/navigation/navigation-watchdog.tsx):
// Next 15.5 at times drops one on a busy machine, as it dropped a branch
// switch on a phone in CI. Here the router's request for the page is held,
// which stalls it the same way; the browser's clock is Playwright's, so the
// watchdog's waits pass at once instead of in real time.

const SLUG = "e2e-navigation";
const BODY = "# Shared drafts\n\n## Summary\n\nDrafts are shared with the whole team from the first line.\n";

const browser = browserForFile();
beforeAll(() => seedSuperDraft({ slug: SLUG, title: "Shared drafts", body: BODY, owners: ["alice"] }));

/** Alice on the RFC's main view, with `branch` cut and its text changed so that it shows. */
async function openWithBranch(branch: string, text: string): Promise<Page> {
  const page = await browser.newPage();
  await page.clock.install();
  page.setDefaultTimeout(60_000);
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  await cutBranch(page, SLUG, branch);
  await editBranch(page, SLUG, branch, (t) => t.replace("from the first line", text));
  await page.goto(`/rfcs/${SLUG}`);
  await page.getByRole("article", { name: "Document" }).getByText("from the first line").waitFor();
  // A mark on this document: a browser navigation replaces the document, and the mark with it.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  return page;
}

const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
const isRouterFetch = (r: Request) => r.headers()["rsc"] === "1";
const branchLink = (page: Page, branch: string) => page.getByRole("navigation", { name: "Branches and RFCs" }).getByRole("link", { name: new RegExp(branch) });

/** Holds the router's requests for `branch`'s page, never to answer them; every other request goes on. Returns those held. */
async function holdRouter(page: Page, branch: string): Promise<Route[]> {
  const held: Route[] = [];
  await page.route(
    (url) => url.searchParams.get("branch") === branch,
    async (route) => {
      if (!isRouterFetch(route.request())) return route.continue();
      held.push(route);
    },
  );
  return held;
}

/** The URLs of the documents the page loads from now on: the browser's own navigations. */
function documentLoads(page: Page): string[] {
  const documents: string[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest()) documents.push(r.url());
  });
  return documents;
}

/** A round trip from the page: a navigation started before it would be under way by its end, and would cut it off. */
const roundTrip = (page: Page) => page.evaluate(() => fetch("/api/health").then((r) => r.status));

/** Alice's click on `branch`'s link, with the router's request for its page held; the documents loaded from then on. */
async function switchWithRouterHeld(branch: string, text: string) {
  const page = await openWithBranch(branch, text);
  const held = await holdRouter(page, branch);
  const documents = documentLoads(page);
  await branchLink(page, branch).click();
  await waitUntil(() => held.length > 0, { what: "the router's request for the branch" });
  return { page, documents };
}

test("a branch link whose page the router never answers is opened by the browser itself", async () => {
  const { page, documents } = await switchWithRouterHeld("stalled-switch", "once the author is ready");
  // A slow answer is waited for: the stall is counted from the payload's arrival.
  await page.clock.fastForward(STALL_MS * 2);
  expect(await roundTrip(page)).toBe(200);
  expect(new URL(page.url()).searchParams.get("branch")).toBeNull();
  expect(documents).toEqual([]);

  await page.clock.fastForward(NO_ANSWER_MS);
  await page.waitForURL((u) => u.searchParams.get("branch") === "stalled-switch");
  await page.getByRole("article", { name: "Document" }).getByText("once the author is ready").waitFor();
  expect(documents).toHaveLength(1); // the browser's own navigation, not the router's
  expect(await sameDocument(page)).toBe(false);
  await screenshot(page, "navigation-01-stalled-switch-opened");
});

test("a branch page whose payload arrives and is never shown is opened by the browser STALL_MS later", async () => {
  const { page, documents } = await switchWithRouterHeld("dropped-switch", "when the draft is ready");
  // The router's request stays held; this fetch of the page's payload URL is the answer it would have had, arrived
  // and never committed. The page's own observer sees its entry in the same task as the watchdog's.
  await page.evaluate(async () => {
    const url = new URL(location.href);
    url.searchParams.set("branch", "dropped-switch");
    url.searchParams.set("_rsc", "arrived");
    const seen = new Promise<void>((resolve) =>
      new PerformanceObserver((list, observer) => {
        if (list.getEntries().some((e) => e.name === url.href)) resolve(observer.disconnect());
      }).observe({ type: "resource" }),
    );
    await (await fetch(url)).text(); // a fetch's entry comes once its body is read, as the router reads it
    await seen;
  });
  expect(documents).toEqual([]);

  await page.clock.fastForward(STALL_MS);
  await page.waitForURL((u) => u.searchParams.get("branch") === "dropped-switch");
  await page.getByRole("article", { name: "Document" }).getByText("when the draft is ready").waitFor();
  expect(documents).toHaveLength(1);
  expect(await sameDocument(page)).toBe(false);
});

test("a branch switch the router commits is left alone: no second load after the waits", async () => {
  const page = await openWithBranch("quick-switch", "for everyone to read");
  const documents = documentLoads(page);

  // Only the waits passing here count, not the time the switch takes on a busy machine.
  await page.clock.pauseAt(Date.now() + 1000);
  await branchLink(page, "quick-switch").click();
  await page.waitForURL((u) => u.searchParams.get("branch") === "quick-switch");
  await page.getByRole("article", { name: "Document" }).getByText("for everyone to read").waitFor();
  await page.clock.fastForward(NO_ANSWER_MS + STALL_MS); // past every wait: the watchdog finds the URL moved and does nothing
  expect(await roundTrip(page)).toBe(200);

  await page.getByRole("article", { name: "Document" }).getByText("for everyone to read").waitFor();
  expect(await sameDocument(page)).toBe(true);
  expect(documents).toEqual([]);
});

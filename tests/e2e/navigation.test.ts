import type { Page, Request } from "playwright-core";
import { STALL_MS } from "@/components/navigation/navigation-watchdog";
import { waitUntil } from "../helpers/wait";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { cutBranch, editBranch, seedSuperDraft } from "./helpers/world";

jest.setTimeout(300_000);

// A click on a link opens its page even when the client router never
// commits the navigation (components/navigation/navigation-watchdog.tsx):
// Next 15.5 at times drops one on a busy machine, as it dropped a branch
// switch on a phone in CI. Here the router's request for the page is held
// forever, which stalls it the same way; the browser's clock is Playwright's,
// so the watchdog's wait passes at once instead of in real time.

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

test("a branch link whose page the router never shows is opened by the browser itself", async () => {
  const page = await openWithBranch("stalled-switch", "once the author is ready");
  const held: Request[] = [];
  const documents: string[] = [];
  // The router's request for the branch never answers, as a navigation Next drops never commits.
  await page.route(
    (url) => url.searchParams.get("branch") === "stalled-switch",
    async (route) => {
      if (!isRouterFetch(route.request())) return route.continue();
      held.push(route.request());
    },
  );
  page.on("request", (r) => {
    if (r.isNavigationRequest() && r.url().includes("branch=stalled-switch")) documents.push(r.url());
  });

  await branchLink(page, "stalled-switch").click();
  await waitUntil(() => held.length > 0, { what: "the router's request for the branch" });
  expect(new URL(page.url()).searchParams.get("branch")).toBeNull(); // the router is stuck: nothing moved

  await page.clock.fastForward(STALL_MS);
  await page.waitForURL((u) => u.searchParams.get("branch") === "stalled-switch");
  await page.getByRole("article", { name: "Document" }).getByText("once the author is ready").waitFor();
  expect(documents).toHaveLength(1); // the browser's own navigation, not the router's
  expect(await sameDocument(page)).toBe(false);
  await screenshot(page, "navigation-01-stalled-switch-opened");
});

test("a branch switch the router commits is left alone: no second load after the wait", async () => {
  const page = await openWithBranch("quick-switch", "for everyone to read");
  const documents: string[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest()) documents.push(r.url());
  });

  await branchLink(page, "quick-switch").click();
  await page.waitForURL((u) => u.searchParams.get("branch") === "quick-switch");
  await page.getByRole("article", { name: "Document" }).getByText("for everyone to read").waitFor();
  await page.clock.fastForward(STALL_MS * 2); // past the watchdog's wait: it finds the URL moved and does nothing
  // A round trip after the wait: a navigation the wait had started would be under way by its end, and would cut it off.
  expect(await page.evaluate(() => fetch("/api/health").then((r) => r.status))).toBe(200);

  await page.getByRole("article", { name: "Document" }).getByText("for everyone to read").waitFor();
  expect(await sameDocument(page)).toBe(true);
  expect(documents).toEqual([]);
});

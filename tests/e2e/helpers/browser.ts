import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { e2eInfo } from "../harness/info";

// Debian's Chromium driven by playwright-core (STACK.md "Browser tests"):
// never a downloaded browser. The flags keep Chromium off the network this
// machine does not have. Playwright gives each launch a fresh, temporary
// --user-data-dir of its own (it refuses one passed in `args`).

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const SCREENSHOT_DIR = path.resolve(__dirname, "../screenshots");

export type TestBrowser = {
  browser: Browser;
  /** A new isolated context (its own cookies) with one page: one per person. `bypassCSP` tests what the CSP would hide (xss.test.ts). */
  newPage(opts?: { width?: number; height?: number; bypassCSP?: boolean; touch?: boolean }): Promise<Page>;
  close(): Promise<void>;
};

/** Debian's Chromium, headless, with the flags above: for the browser tests and the bench's browser figures. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_FLAGS });

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage({ width = 1280, height = 800, bypassCSP = false, touch = false } = {}) {
      // `touch`: a phone — touch events (page.tap) and a mobile viewport.
      const context = await browser.newContext({ baseURL: e2eInfo().appUrl, viewport: { width, height }, bypassCSP, hasTouch: touch, isMobile: touch });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** A test file's browser: launched before its tests, closed after them. */
export function browserForFile(): Pick<TestBrowser, "newPage"> {
  let launched: TestBrowser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    newPage(opts) {
      if (!launched) throw new Error("the browser is launched in beforeAll");
      return launched.newPage(opts);
    },
  };
}

/**
 * Signs `login` in through the real OAuth flow: the app's sign-in page, the
 * forge's authorize page (one button per user), and back to `returnTo`.
 */
export async function signIn(page: Page, login: string, returnTo = "/"): Promise<void> {
  const { appUrl, forgeUrl } = e2eInfo();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByRole("button", { name: "Sign in with Gitea" }).click();
  await page.waitForURL((url) => url.href.startsWith(forgeUrl));
  await page.getByRole("button", { name: login, exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(appUrl) && !url.pathname.startsWith("/api/auth"));
}

/** Signs out through the header's button. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in with Gitea" }).or(page.getByRole("button", { name: "Sign in with Gitea" })).first().waitFor();
}

/** A full-page PNG in tests/e2e/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

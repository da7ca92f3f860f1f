import type { Page } from "playwright-core";
import { browserForFile, screenshot, signIn, signOut } from "./helpers/browser";

// Issue 4 in a real browser: signing in through the forge's OAuth page,
// the header, signing out, and the admin page for the owner (carol, via
// ADMIN_LOGINS) versus a contributor (bob, 403).

// jest's testTimeout is global, not per project: e2e files set their own.

const browser = browserForFile();

const header = (page: Page) => page.getByRole("banner");

test("alice signs in through Gitea, sees her name in the header, and signs out", async () => {
  const page = await browser.newPage();
  await page.goto("/");
  await screenshot(page, "signin-01-reader-home");
  await signIn(page, "alice");
  await header(page).getByText("Alice Archer").waitFor();
  await screenshot(page, "signin-02-alice-home");
  await signOut(page);
  await header(page).getByRole("link", { name: "Sign in with Gitea" }).waitFor();
  expect(await header(page).getByText("Alice Archer").count()).toBe(0);
  await screenshot(page, "signin-03-alice-signed-out");
});

test("a signed-out visitor of /admin is sent to sign-in and comes back after it", async () => {
  const page = await browser.newPage();
  await page.goto("/admin");
  expect(new URL(page.url()).pathname).toBe("/signin");
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/admin");
  await screenshot(page, "signin-04-signin-page");
  await page.getByRole("button", { name: "Sign in with Gitea" }).click();
  await page.getByRole("button", { name: "carol", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
  await page.getByRole("heading", { name: "Admin" }).waitFor();
});

test("carol (the owner, ADMIN_LOGINS) sees the admin page with roles", async () => {
  const page = await browser.newPage();
  await signIn(page, "carol", "/admin");
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(200);
  await page.getByRole("heading", { name: "Admin" }).waitFor();
  const carolRow = page.getByRole("row").filter({ hasText: "@carol" });
  await carolRow.getByText("owner").waitFor();
  await header(page).getByText("owner").waitFor();
  await screenshot(page, "signin-05-carol-admin");
});

test("carol promotes alice to admin and demotes her again; alice then sees the admin page", async () => {
  const carol = await browser.newPage();
  await signIn(carol, "carol", "/admin");
  const aliceRow = carol.getByRole("row").filter({ hasText: "@alice" });
  await aliceRow.getByRole("button", { name: "Promote alice" }).click();
  await aliceRow.getByRole("button", { name: "Demote alice" }).waitFor();
  await aliceRow.getByText("admin", { exact: true }).waitFor();
  await screenshot(carol, "signin-06-carol-promoted-alice");

  const alice = await browser.newPage();
  await signIn(alice, "alice", "/admin");
  expect((await alice.goto("/admin"))?.status()).toBe(200);
  await header(alice).getByText("admin", { exact: true }).waitFor();
  // No promote/demote buttons for an admin: only the owner changes roles (§1).
  expect(await alice.getByRole("button", { name: /Promote|Demote/ }).count()).toBe(0);

  await aliceRow.getByRole("button", { name: "Demote alice" }).click();
  await aliceRow.getByRole("button", { name: "Promote alice" }).waitFor();
  expect((await alice.goto("/admin"))?.status()).toBe(403);
});

test("bob (a contributor) gets a 403 page at /admin", async () => {
  const page = await browser.newPage();
  await signIn(page, "bob");
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  await page.getByRole("heading", { name: "You don't have access to this page" }).waitFor();
  await header(page).getByText("Bob Baker").waitFor();
  await screenshot(page, "signin-07-bob-403");
});

test("on a phone-sized screen the header still offers sign-out", async () => {
  const page = await browser.newPage({ width: 390, height: 780 });
  await signIn(page, "alice");
  await header(page).getByRole("button", { name: "Sign out" }).waitFor();
  await screenshot(page, "signin-08-alice-mobile");
});

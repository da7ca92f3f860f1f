import { readFileSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { e2eInfo } from "./harness/info";
import { restartApp } from "./harness/restart";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { expectNoSeriousViolations } from "./helpers/axe";
import { appApi, forgeApi } from "./helpers/world";
import { waitUntil } from "../helpers/wait";

// §3 to the end, in a real browser and through the UI only: alice proposes,
// carol (admin) merges the idea, bob claims and carol merges the claim, bob
// names the arbiters (alice, carol) through a metadata PR and merges it,
// graduates, and moves to accept; the arbiters sign off, carol raises and
// resolves a concern (alice sees each step live), the clock moves past the
// final comment period and the decision lands in the catalog, the meta
// entry and the README. A second idea ends withdrawn. A restart in the
// middle of a period neither loses nor repeats the decision.

const browser = browserForFile();
const DAY = 86_400_000;

async function forge<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await forgeApi(`/api/v1${path}`);
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}
const fileText = async (repo: string, path: string) => {
  const res = await forge<{ content: string }>(`/repos/${repo}/contents/${path}?ref=main`);
  return res.status === 200 ? Buffer.from(res.body.content, "base64").toString() : null;
};
const metaEntry = (slug: string) => fileText(`${e2eInfo().org}/${e2eInfo().metaRepo}`, `rfcs/${slug}.md`);

async function moveClock(ms: number) {
  const res = await fetch(`${e2eInfo().appUrl}/api/test/clock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advanceMs: ms }) });
  if (res.status !== 200) throw new Error(`the test clock answered ${res.status}`);
  return (await res.json()) as { settled: { slug: string; outcome: string | null }[] };
}

const bar = (page: Page) => page.locator('section[aria-label="Lifecycle"]');
/**
 * Opens the lifecycle panel. It also opens by itself when something comes to
 * wait for this viewer (a live update), which relabels the toggle "Hide
 * details" at any moment: a click aimed at the old label may meet either, so
 * this goes round until the panel is open.
 */
const details = async (page: Page) => {
  const opened = bar(page).getByRole("button", { name: "Hide details" });
  const toggle = bar(page).getByRole("button", { name: "Details & timeline" });
  await waitUntil(
    async () => {
      if (await opened.count()) return true;
      await toggle.click({ timeout: 2_000 }).catch(() => undefined); // relabelled meanwhile: the panel opened by itself
      return (await opened.count()) > 0;
    },
    { timeoutMs: 60_000, intervalMs: 250, what: "the lifecycle panel open" },
  );
};
const arbiter = (page: Page, login: string, signed: "yes" | "no") => page.locator(`[data-arbiter="${login}"][data-signed="${signed}"]`);

async function untilPage(page: Page, url: string, check: () => Promise<boolean>, what: string) {
  await waitUntil(async () => (await page.goto(url), await check()), { timeoutMs: 60_000, intervalMs: 500, what });
}

async function propose(page: Page, title: string, summary: string) {
  await page.goto("/propose");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Tags (optional)").fill("e2e, decide");
  await page.getByRole("button", { name: "Propose idea" }).click();
  await page.waitForURL((u) => u.pathname === "/" && u.searchParams.has("proposed"), { timeout: 60_000 });
}

async function adminMergesIdea(carol: Page, slug: string, title: string) {
  const row = carol.locator(`details#pending-ideas li[data-idea="${slug}"]`);
  await untilPage(carol, "/", async () => (await row.count()) > 0, `the idea ${slug} in the pending list`);
  await carol.locator("details#pending-ideas summary").click();
  await row.getByRole("button", { name: `Merge idea ${title}` }).click();
  await untilPage(carol, `/rfcs/${slug}`, async () => (await bar(carol).count()) > 0, `the super-draft ${slug}`);
  await bar(carol).waitFor();
}

test("one idea walks to accepted through the UI: claim, metadata, graduation, motion, sign-offs, a concern, the period's end", async () => {
  const slug = "decision-walk";
  const alice = await browser.newPage();
  await signIn(alice, "alice", "/");
  await propose(alice, "Decision walk", "Carry one idea all the way to a decision.");
  await screenshot(alice, "decide-01-proposed");

  const carol = await browser.newPage();
  await signIn(carol, "carol", "/");
  await adminMergesIdea(carol, slug, "Decision walk");
  await screenshot(carol, "decide-02-super-draft");

  // bob claims it from the RFC view.
  const bob = await browser.newPage();
  await signIn(bob, "bob", `/rfcs/${slug}`);
  await bar(bob).getByText("No owner yet").waitFor();
  await bar(bob).getByRole("button", { name: "Claim ownership" }).click();
  await bar(bob).getByText(/your claim #\d+ waits for an owner or an admin/).waitFor({ timeout: 60_000 });
  await screenshot(bob, "decide-03-claimed");

  // carol merges the claim on the admin page.
  await carol.goto("/admin");
  const claim = carol.getByRole("button", { name: /^Merge #\d+: @bob claims ownership$/ });
  await claim.waitFor({ timeout: 60_000 });
  await screenshot(carol, "decide-04-admin-claims");
  await claim.click();
  await carol.getByText("No claim or metadata change waits for a merge.").waitFor({ timeout: 60_000 });

  // bob, now the owner (his page follows without a reload), names the arbiters through a metadata PR and merges it.
  await bar(bob).getByText("Owners: @bob").waitFor({ timeout: 60_000 });
  await bob.getByRole("button", { name: "More lifecycle actions" }).click();
  await bob.getByRole("menuitem", { name: "Edit metadata…" }).click();
  const meta = bob.getByRole("dialog", { name: /Edit the metadata/ });
  await meta.getByLabel("Arbiters").fill("alice, carol, nobody-here");
  await meta.getByRole("button", { name: "Open the metadata PR" }).click();
  await meta.getByText("Gitea has no user @nobody-here").waitFor({ timeout: 60_000 }); // named beside the field, text kept
  expect(await meta.getByLabel("Arbiters").inputValue()).toBe("alice, carol, nobody-here");
  await screenshot(bob, "decide-05-metadata-error");
  await meta.getByLabel("Arbiters").fill("alice, carol");
  await meta.getByRole("button", { name: "Open the metadata PR" }).click();
  await meta.waitFor({ state: "hidden", timeout: 60_000 });
  await details(bob);
  const mergeMetadata = bar(bob).getByRole("button", { name: /^Merge #\d+: Metadata change by @bob$/ });
  await mergeMetadata.waitFor({ timeout: 60_000 });
  await screenshot(bob, "decide-06-metadata-pr");
  await mergeMetadata.click();
  await bar(bob).getByText(/Changed the metadata/).waitFor({ timeout: 60_000 });

  // bob graduates it.
  await bob.goto(`/rfcs/${slug}`);
  await bob.getByRole("button", { name: "Graduate", exact: true }).click();
  const grad = bob.getByRole("dialog", { name: /Graduate/ });
  await grad.getByText("Available").first().waitFor({ timeout: 60_000 });
  await grad.getByRole("button", { name: "Graduate", exact: true }).click();
  await grad.getByText(/is active/).waitFor({ timeout: 120_000 });
  await grad.getByRole("link", { name: "Open the active RFC" }).click();
  await bob.locator('[data-lifecycle-state="active"]').waitFor({ timeout: 60_000 });
  await screenshot(bob, "decide-07-active");

  // bob moves to accept; alice and carol have the page open.
  await bob.getByRole("button", { name: "Start a motion" }).click();
  const motion = bob.getByRole("dialog", { name: /Start a motion/ });
  await motion.getByRole("button", { name: "Start the motion" }).click();
  await motion.getByText(/Say what the motion proposes/).waitFor(); // an empty summary is named
  await motion.getByLabel("Summary").fill("Every open question is answered; the design is ready.");
  await screenshot(bob, "decide-08-motion-dialog");
  await expectNoSeriousViolations(bob, "the motion dialog");
  await motion.getByRole("button", { name: "Start the motion" }).click();
  await motion.waitFor({ state: "hidden", timeout: 60_000 });
  await bob.getByRole("heading", { name: "Motion to accept" }).waitFor();

  await alice.goto(`/rfcs/${slug}`);
  await carol.goto(`/rfcs/${slug}`);
  await alice.getByRole("heading", { name: "Motion to accept" }).waitFor();
  await screenshot(alice, "decide-09-arbiter-sees-motion");
  await alice.getByRole("button", { name: "Sign off" }).first().click();
  await arbiter(carol, "alice", "yes").waitFor({ timeout: 60_000 }); // carol sees it without a reload (SSE)
  await carol.getByRole("button", { name: "Sign off" }).first().click();
  await alice.locator('[data-motion-phase="running"]').waitFor({ timeout: 60_000 });
  await alice.getByText(/Final comment period: \d+ d \d+ h left/).first().waitFor();
  await screenshot(alice, "decide-10-period-running");
  await expectNoSeriousViolations(alice, "the RFC view with a running motion");

  // carol raises a concern: the period pauses for everyone; only she resolves it.
  await carol.getByRole("button", { name: "Raise a concern" }).click();
  const concern = carol.getByRole("dialog", { name: "Raise a concern" });
  await concern.getByLabel("Details").fill("What is the rollback plan if the migration fails?");
  await concern.getByRole("button", { name: "Raise the concern" }).click();
  await concern.locator("#concern-title-error").waitFor(); // the title is missing; her text stays
  expect(await concern.getByLabel("Details").inputValue()).toBe("What is the rollback plan if the migration fails?");
  await concern.getByLabel("Concern").fill("Rollback plan");
  await concern.getByRole("button", { name: "Raise the concern" }).click();
  await alice.locator('[data-motion-phase="paused"]').waitFor({ timeout: 60_000 });
  await alice.locator('[data-concern="c1"][data-resolved="no"]').getByText(/^Rollback plan/).waitFor();
  expect(await alice.locator('[data-concern="c1"]').getByRole("button", { name: "Resolve" }).count()).toBe(0);
  await screenshot(alice, "decide-11-concern-pauses");
  await carol.locator('[data-concern="c1"]').getByRole("button", { name: "Resolve" }).click();
  await alice.locator('[data-motion-phase="running"]').waitFor({ timeout: 60_000 });

  // Time passes: the period ends and the bot records the decision on its own.
  const moved = await moveClock(11 * DAY);
  expect(moved.settled).toEqual(expect.arrayContaining([expect.objectContaining({ slug, outcome: "accepted" })]));
  await alice.locator('[data-lifecycle-state="accepted"]').waitFor({ timeout: 60_000 });
  await bar(alice).getByText(/Accepted/).first().waitFor();
  expect(await alice.getByRole("button", { name: "New branch" }).count()).toBe(0); // a record now
  await details(alice);
  await bar(alice).locator('[data-timeline="decided"]').waitFor();
  await screenshot(alice, "decide-12-accepted");
  await expectNoSeriousViolations(alice, "an accepted RFC with its timeline");

  await alice.goto("/?state=accepted");
  await alice.getByRole("link", { name: "Decision walk" }).waitFor();
  await alice.getByText(/Accepted \d{4}-\d\d-\d\d: /).first().waitFor();
  await screenshot(alice, "decide-13-catalog-accepted");

  const entry = (await metaEntry(slug)) ?? "";
  expect(entry).toMatch(/^state: accepted$/m);
  expect(entry).toMatch(/^decided_by: alice, carol$/m);
  expect(entry).toMatch(/^  outcome: accepted$/m);
  const repo = /^repo: (.+)$/m.exec(entry)?.[1] ?? "";
  const readme = (await fileText(repo, "README.md")) ?? "";
  expect(readme).toContain("## Decision\n\n**Accepted** on");
  expect(readme).toContain("by @alice, @carol after a 10-day final comment period on a motion by @bob.");
});

test("an owner withdraws a super-draft with a reason: the catalog and the RFC view show it, read-only", async () => {
  const slug = "withdraw-walk";
  const alice = await browser.newPage();
  await signIn(alice, "alice", "/");
  await propose(alice, "Withdraw walk", "An idea that will be withdrawn.");
  const carol = await browser.newPage();
  await signIn(carol, "carol", "/");
  await adminMergesIdea(carol, slug, "Withdraw walk");

  await alice.goto(`/rfcs/${slug}`);
  await bar(alice).getByRole("button", { name: "Claim ownership" }).click();
  await bar(alice).getByText(/your claim #\d+ waits/).waitFor({ timeout: 60_000 });
  // carol merges it from the RFC view this time.
  await carol.goto(`/rfcs/${slug}`);
  const merge = bar(carol).getByRole("button", { name: /^Merge #\d+: @alice claims ownership$/ });
  await merge.waitFor({ timeout: 60_000 });
  await screenshot(carol, "decide-14-claim-in-rfc-view");
  await merge.click();
  await bar(alice).getByText("Owners: @alice").waitFor({ timeout: 60_000 });

  await alice.getByRole("button", { name: "More lifecycle actions" }).click();
  await alice.getByRole("menuitem", { name: "Withdraw…" }).click();
  const dialog = alice.getByRole("dialog", { name: /Withdraw/ });
  await dialog.getByLabel("Reason").fill("   ");
  await dialog.getByRole("button", { name: "Withdraw" }).click();
  await dialog.locator("#withdraw-reason-error").waitFor(); // 400 naming the field
  await screenshot(alice, "decide-15-withdraw-needs-reason");
  await dialog.getByLabel("Reason").fill("Overtaken by the event-log RFC.");
  await dialog.getByRole("button", { name: "Withdraw" }).click();
  await dialog.waitFor({ state: "hidden", timeout: 60_000 });
  await alice.locator('[data-lifecycle-state="withdrawn"]').waitFor({ timeout: 60_000 });
  await bar(alice).getByText("Overtaken by the event-log RFC.").waitFor();
  await carol.locator('[data-lifecycle-state="withdrawn"]').waitFor({ timeout: 60_000 }); // live for others too
  // Read-only: the conversation is there, nothing can be written.
  expect(await alice.getByRole("button", { name: "New branch" }).count()).toBe(0);
  expect(await alice.getByRole("button", { name: "Claim ownership" }).count()).toBe(0);
  expect(await alice.getByRole("button", { name: "More lifecycle actions" }).count()).toBe(0);
  await screenshot(alice, "decide-16-withdrawn");

  await alice.goto("/?state=withdrawn");
  await alice.getByRole("link", { name: "Withdraw walk" }).waitFor();
  await alice.getByText("Overtaken by the event-log RFC.").waitFor();
  await screenshot(alice, "decide-17-catalog-withdrawn");
  const entry = (await metaEntry(slug)) ?? "";
  expect(entry).toMatch(/^state: withdrawn$/m);
  expect(entry).toMatch(/^withdrawn_reason: Overtaken by the event-log RFC\.$/m);
  expect(entry).toMatch(/^withdrawn_by: alice$/m);
});

test("a restart in the middle of a period, and one after its end: the decision happens once", async () => {
  const { org, metaRepo } = e2eInfo();
  const slug = "restart-walk";
  // An active RFC of bob's, arbitrated by alice and carol, set up in Gitea directly (the walk above did it through the UI).
  const repo = `${org}/rfc-0901-${slug}`;
  const admin = async (path: string, body: unknown) => {
    const res = await forgeApi(`/api/v1${path}`, { method: "POST", body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path} → ${res.status}`);
  };
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  await admin(`/orgs/${org}/repos`, { name: `rfc-0901-${slug}`, default_branch: "main" });
  await admin(`/repos/${repo}/contents`, { branch: "main", message: "Seed\n\nOn-behalf-of: Bob Baker <bob>\n", files: [
    { operation: "create", path: "RFC.md", content: b64("# Restart walk\n") },
    { operation: "create", path: "README.md", content: b64("# RFC-0901: Restart walk\n") },
  ] });
  const entry = `---\nslug: ${slug}\ntitle: Restart walk\nstate: active\nid: RFC-0901\nrepo: ${repo}\nproposed_by: bob\nproposed_at: 2026-01-02T03:04:05Z\ngraduated_at: 2026-01-03T03:04:05Z\ngraduated_by: bob\nowners:\n  - bob\narbiters:\n  - alice\n  - carol\ntags:\n  - e2e\n---\n`;
  await admin(`/repos/${org}/${metaRepo}/contents/rfcs/${slug}.md`, { branch: "main", content: b64(entry), message: "Add RFC-0901\n\nOn-behalf-of: Bob Baker <bob>\n" });

  const [bob, alice, carol] = [await browser.newPage(), await browser.newPage(), await browser.newPage()];
  await signIn(bob, "bob", "/");
  await signIn(alice, "alice", "/");
  await signIn(carol, "carol", "/");
  await untilPage(bob, `/rfcs/${slug}`, async () => (await bob.locator('[data-lifecycle-state="active"]').count()) > 0, "the active RFC in the app");
  await appApi(bob).post(`/api/rfcs/${slug}/motion`, { disposition: "accept", summary: "Ship it." });
  await appApi(alice).post(`/api/rfcs/${slug}/motion/sign-off`, {});
  await appApi(carol).post(`/api/rfcs/${slug}/motion/sign-off`, {});
  await moveClock(4 * DAY);

  // Restart in the middle of the period: the motion and its clock come back; nothing is decided early.
  await restartApp();
  await bob.goto(`/rfcs/${slug}`);
  await bob.getByText(/Final comment period: [56] d \d+ h left/).first().waitFor({ timeout: 60_000 });
  await screenshot(bob, "decide-18-after-restart");

  // The app is down when the period ends; it starts again and records the decision once.
  const { clockFile } = e2eInfo();
  await restartApp(() => {
    const { offsetMs } = JSON.parse(readFileSync(clockFile, "utf8")) as { offsetMs: number };
    writeFileSync(clockFile, JSON.stringify({ offsetMs: offsetMs + 7 * DAY }));
  });
  await waitUntil(async () => /^state: accepted$/m.test((await metaEntry(slug)) ?? ""), { timeoutMs: 120_000, intervalMs: 500, what: "the decision after the restart" });
  await restartApp();
  await bob.goto(`/rfcs/${slug}`);
  await bob.locator('[data-lifecycle-state="accepted"]').waitFor({ timeout: 60_000 });
  await moveClock(0); // one more lifecycle sweep on the restarted server
  const commits = await forge<{ commit: { message: string } }[]>(`/repos/${org}/${metaRepo}/commits?sha=main&path=${encodeURIComponent(`rfcs/${slug}.md`)}&limit=50`);
  expect(commits.body.filter((c) => c.commit.message.startsWith("Accept ")).length).toBe(1);
  expect((await fileText(repo, "README.md"))?.match(/## Decision/g)).toHaveLength(1);
  await screenshot(bob, "decide-19-decided-once");
});

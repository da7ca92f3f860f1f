import type { Page } from "playwright-core";
import { waitUntil } from "../helpers/wait";
import { e2eInfo } from "./harness/info";
import { expectNoSeriousViolations } from "./helpers/axe";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { appApi, cutBranch, editBranch, forgeApi, seedSuperDraft } from "./helpers/world";

// README "What private means", in a real browser: alice makes her branch
// private (the dialog says what that means); bob gets 404 from Quorum and
// from Gitea, while alice and the RFC's owner still read it; opening a PR
// asks to make it public first, and then everyone reads it again.

const SLUG = "e2e-private";
const BRANCH = "alice/plan";
const BODY = "# Quiet launch\n\n## Plan\n\nShip to ten teams first.\n\n## Risks\n\nSome teams may feel left out.\n";

const browser = browserForFile();
beforeAll(() => seedSuperDraft({ slug: SLUG, title: "Quiet launch", body: BODY, owners: ["carol"] }));

const branchUrl = `/rfcs/${SLUG}?branch=${encodeURIComponent(BRANCH)}`;
const companion = () => `${e2eInfo().org}/${e2eInfo().metaRepo}--${SLUG}--private-alice`;

async function newPage(login: string): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await signIn(page, login, `/rfcs/${SLUG}`);
  return page;
}

/** A forge token of `login`'s own, made by the forge's site admin, to ask Gitea what that person can read. */
async function forgeToken(login: string): Promise<string> {
  const res = await forgeApi(`/api/v1/users/${login}/tokens`, { method: "POST", body: JSON.stringify({ name: `e2e-${Date.now()}`, scopes: ["all"] }) }, e2eInfo().forgeAdminToken);
  if (res.status !== 201) throw new Error(`token for ${login} → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { sha1: string }).sha1;
}

test("alice makes her branch private: bob gets 404 in Quorum and in Gitea, the owner still reads it; a PR makes it public again", async () => {
  const alice = await newPage("alice");
  await cutBranch(alice, SLUG, BRANCH);
  await editBranch(alice, SLUG, BRANCH, (t) => t.replace("ten teams", "three teams"));
  await alice.goto(branchUrl);
  await alice.getByRole("article", { name: "Document" }).getByText("Ship to three teams first.").waitFor();

  await alice.getByRole("button", { name: "More branch actions" }).click();
  await alice.getByRole("menuitem", { name: "Make private…" }).click();
  const dialog = alice.getByRole("dialog", { name: `Make ${BRANCH} private?` });
  await dialog.getByText("only its creator, the RFC's owners and arbiters can read").waitFor();
  await expectNoSeriousViolations(alice, "the make-private dialog");
  await screenshot(alice, "private-01-make-private-dialog");
  await dialog.getByRole("button", { name: "Make private" }).click();
  await alice.getByText("Private", { exact: true }).first().waitFor(); // the badge beside the breadcrumb, after the view reloads
  await alice.getByRole("article", { name: "Document" }).getByText("Ship to three teams first.").waitFor();
  await alice.locator('li[data-kind="system"]').getByText(/made alice\/plan private/).waitFor();
  await screenshot(alice, "private-02-alice-sees-private");

  // bob: a 404 page in Quorum, a 404 from Gitea for the companion repo, and no trace in the meta repo.
  const bob = await newPage("bob");
  expect((await bob.goto(branchUrl))?.status()).toBe(404);
  await bob.getByRole("heading", { name: "Not found" }).waitFor();
  await screenshot(bob, "private-03-bob-gets-404");
  const bobToken = await forgeToken("bob");
  expect((await forgeApi(`/api/v1/repos/${companion()}/branches`, {}, bobToken)).status).toBe(404);
  const metaBranches = (await (await forgeApi(`/api/v1/repos/${e2eInfo().org}/${e2eInfo().metaRepo}/branches?limit=50`, {}, bobToken)).json()) as { name: string }[];
  expect(metaBranches.map((b) => b.name)).not.toContain(`edit/${SLUG}/${BRANCH}`);
  expect((await forgeApi(`/api/v1/repos/${companion()}/branches`, {}, await forgeToken("alice"))).status).toBe(200);

  // carol owns the RFC (and is Quorum's owner): she reads it in Quorum, and in Gitea as a collaborator of the companion repo.
  const carol = await newPage("carol");
  await carol.goto(branchUrl);
  await carol.getByRole("article", { name: "Document" }).getByText("Ship to three teams first.").waitFor();
  await carol.locator('li[data-kind="system"]').getByText(/made alice\/plan private/).waitFor();
  await screenshot(carol, "private-04-owner-reads-it");
  expect((await forgeApi(`/api/v1/repos/${companion()}/branches`, {}, await forgeToken("carol"))).status).toBe(200);

  // A PR is public: alice is asked to make the branch public first.
  await alice.getByRole("button", { name: "Open PR" }).click();
  const ask = alice.getByRole("dialog", { name: "A pull request is public" });
  await ask.getByText("must be public first").waitFor();
  await expectNoSeriousViolations(alice, "the PR-is-public dialog");
  await screenshot(alice, "private-05-pr-asks-public");
  await ask.getByRole("button", { name: "Make public and open a PR" }).click();
  const pr = alice.getByRole("dialog", { name: `Open a pull request from ${BRANCH}` });
  await pr.waitFor();
  await pr.getByLabel("Title").fill("Start with three teams");
  await pr.getByRole("button", { name: "Open pull request" }).click();
  await waitUntil(async () => {
    const { branches } = await appApi(alice).get<{ branches: { name: string; visibility: string; pr: { state: string } | null }[] }>(`/api/rfcs/${SLUG}/branches`);
    const b = branches.find((x) => x.name === BRANCH);
    return b?.visibility === "public" && b.pr?.state === "open";
  }, { what: "the branch public with its PR open" });
  await alice.reload();
  await alice.getByRole("article", { name: "Document" }).getByText("Ship to three teams first.").waitFor();
  await alice.locator('li[data-kind="system"]').getByText(/made alice\/plan public/).waitFor();
  await screenshot(alice, "private-06-public-with-pr");

  expect((await bob.goto(branchUrl))?.status()).toBe(200);
  await bob.getByRole("article", { name: "Document" }).getByText("Ship to three teams first.").waitFor();
  // The branch's conversation came along: bob reads what happened while it was private, too.
  await bob.locator('li[data-kind="system"]').getByText(/made alice\/plan private/).waitFor();
  await bob.locator('li[data-kind="system"]').getByText(/made alice\/plan public/).waitFor();
  await screenshot(bob, "private-07-bob-reads-it-again");
  expect((await forgeApi(`/api/v1/repos/${e2eInfo().org}/${e2eInfo().metaRepo}/branches/edit/${SLUG}/${BRANCH}`, {}, bobToken)).status).toBe(200);
});

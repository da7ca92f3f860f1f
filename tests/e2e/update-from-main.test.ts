import type { Page } from "playwright-core";
import { waitUntil } from "../helpers/wait";
import { e2eInfo } from "./harness/info";
import { expectNoSeriousViolations } from "./helpers/axe";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { appApi, cutBranch, editBranch, forgeApi, metaFile, metaHead, seedSuperDraft } from "./helpers/world";

jest.setTimeout(300_000);

// §12 update from main in the browser: edits of neighbouring lines on the
// branch and on main merge on their own; a real conflict opens the
// resolution view, where alice takes her side for one passage and writes
// the other, and the merge commit lands in the forge with On-behalf-of.

const BODY = `# Rollout plan

We ship to five percent of users first.

## Risks
A bad build reaches those users before the alarms fire.

## Timeline

Two weeks from the first build.
`;

const browser = browserForFile();

const entry = (slug: string) => `rfcs/${slug}.md`;
const branchUrl = (slug: string, branch: string) => `/rfcs/${slug}?branch=${encodeURIComponent(branch)}`;

/** Main moves: a commit to the entry on the meta repo's main, as a merged PR or another Gitea client leaves it. */
async function moveMain(slug: string, from: string, to: string): Promise<void> {
  const { org, metaRepo } = e2eInfo();
  const text = await metaFile(entry(slug), "main");
  if (!text?.includes(from)) throw new Error(`"${from}" is not on main`);
  const info = (await (await forgeApi(`/api/v1/repos/${org}/${metaRepo}/contents/${entry(slug)}?ref=main`)).json()) as { sha: string };
  const res = await forgeApi(`/api/v1/repos/${org}/${metaRepo}/contents/${entry(slug)}`, {
    method: "PUT",
    body: JSON.stringify({ branch: "main", sha: info.sha, content: Buffer.from(text.replace(from, to)).toString("base64"), message: "Main moves\n\nOn-behalf-of: bob <bob>\n" }),
  });
  if (!res.ok) throw new Error(`moving main → ${res.status} ${await res.text()}`);
}

async function parentsOf(sha: string): Promise<string[]> {
  const { org, metaRepo } = e2eInfo();
  const c = (await (await forgeApi(`/api/v1/repos/${org}/${metaRepo}/git/commits/${sha}`)).json()) as { parents: { sha: string }[] };
  return c.parents.map((p) => p.sha);
}

async function behind(page: Page, slug: string, branch: string): Promise<void> {
  const api = appApi(page);
  await waitUntil(
    async () => {
      const { branches } = await api.get<{ branches: { name: string; behindBy: number }[] }>(`/api/rfcs/${slug}/branches`);
      return (branches.find((b) => b.name === branch)?.behindBy ?? 0) > 0;
    },
    { what: `${branch} to show as behind main` },
  );
  await page.goto(branchUrl(slug, branch));
  await page.getByText(/Behind main by \d+ commit/).waitFor();
}

async function alice(slug: string): Promise<Page> {
  const page = await browser.newPage({ width: 1440, height: 900 });
  page.setDefaultTimeout(60_000);
  await signIn(page, "alice", `/rfcs/${slug}`);
  return page;
}

test("edits of neighbouring lines on the branch and on main merge on their own", async () => {
  const slug = "e2e-update-adjacent";
  await seedSuperDraft({ slug, title: "Rollout plan", body: BODY, owners: ["alice"] });
  const page = await alice(slug);
  await cutBranch(page, slug, "risks-title");
  await editBranch(page, slug, "risks-title", (t) => t.replace("## Risks\n", "## Risks and limits\n"));
  await moveMain(slug, "before the alarms fire", "before any alarm fires"); // the very next line
  await behind(page, slug, "risks-title");
  const before = await metaHead(`edit/${slug}/risks-title`);

  await page.getByRole("button", { name: "Update from main" }).click();
  await page.getByText(/Behind main by/).waitFor({ state: "detached" });
  const doc = page.getByRole("article", { name: "Document" });
  await doc.getByRole("heading", { name: "Risks and limits" }).waitFor();
  await doc.getByText("before any alarm fires").waitFor();
  const head = await metaHead(`edit/${slug}/risks-title`);
  expect(head.message).toMatch(/^Merge main into risks-title/);
  expect(head.message).toContain("On-behalf-of: Alice Archer <alice>");
  expect(await parentsOf(head.sha)).toHaveLength(2);
  expect(head.sha).not.toBe(before.sha);
  await screenshot(page, "update-01-merged-on-its-own");
});

test("a real conflict: take mine for one passage, write the other, and the merge lands in Git", async () => {
  const slug = "e2e-update-conflict";
  await seedSuperDraft({ slug, title: "Rollout plan, contested", body: BODY, owners: ["alice"] });
  const page = await alice(slug);
  await cutBranch(page, slug, "cautious");
  await editBranch(page, slug, "cautious", (t) => t.replace("five percent", "one percent").replace("Two weeks", "Four weeks"));
  await moveMain(slug, "five percent", "ten percent");
  await moveMain(slug, "Two weeks", "One week");
  await behind(page, slug, "cautious");
  const before = await metaHead(`edit/${slug}/cautious`);

  await page.getByRole("button", { name: "Update from main" }).click();
  const dialog = page.getByRole("dialog", { name: "Update cautious from main" });
  await dialog.getByText("2 passages were changed on both sides").waitFor();
  const first = dialog.getByRole("listitem").filter({ hasText: "Passage 1" });
  const second = dialog.getByRole("listitem").filter({ hasText: "Passage 2" });
  await first.getByText("We ship to one percent").first().waitFor();
  await first.getByText("We ship to ten percent").first().waitFor();
  await screenshot(page, "update-02-resolution-view");
  await expectNoSeriousViolations(page, "the resolution view");
  expect(await dialog.getByRole("button", { name: "Commit the merge" }).isDisabled()).toBe(true);

  await first.getByRole("button", { name: "Use this branch" }).click();
  expect(await first.getByLabel("Passage 1 will read").inputValue()).toBe("We ship to one percent of users first.\n\n");
  await second.getByLabel("Passage 2 will read").fill("Three weeks from the first build.");
  await screenshot(page, "update-03-resolved");
  await dialog.getByRole("button", { name: "Commit the merge" }).click();
  await dialog.waitFor({ state: "detached" });
  const doc = page.getByRole("article", { name: "Document" });
  await doc.getByText("Three weeks from the first build.").waitFor();
  await doc.getByText("We ship to one percent of users first.").waitFor();

  // In the forge: a merge of main into the branch, on alice's behalf, holding exactly the chosen text.
  const head = await metaHead(`edit/${slug}/cautious`);
  expect(head.sha).not.toBe(before.sha);
  expect(head.message).toMatch(/^Merge main into cautious/);
  expect(head.message).toContain("On-behalf-of: Alice Archer <alice>");
  expect(await parentsOf(head.sha)).toHaveLength(2);
  const file = (await metaFile(entry(slug), head.sha)) ?? "";
  expect(file).toContain("We ship to one percent of users first.\n\n## Risks\n");
  expect(file).toContain("## Timeline\n\nThree weeks from the first build.\n");
  expect(file).not.toContain("ten percent");
  expect(file).not.toContain("One week");
  await page.getByText(/Behind main by/).waitFor({ state: "detached" });
  await screenshot(page, "update-04-after-merge");
});

import type { Page } from "playwright-core";
import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { aiChange, cutBranch, seedSuperDraft } from "./helpers/world";

jest.setTimeout(300_000);

// Issue 16: a change that adds a heading and list items shows them as a
// heading and list items with their text marked inserted — on its card, in
// discuss mode and in the editor's tracked change — never the raw "## " or
// "- " markers as inserted text.

const SLUG = "e2e-structure";
const BODY = `# Event log

## Design

The log is the source of truth. Events are never rewritten once written.

Open questions
`;
const ORIGINAL = "Events are never rewritten once written.";
const PROPOSED = `${ORIGINAL}\n\n## Retention\n\n- Keep events for a year\n- Archive older ones`;
const MARKERS = /(^|\n)\s*(#{1,6}|[-*+]|\d+\.|>)\s/;

const browser = browserForFile();
beforeAll(() => seedSuperDraft({ slug: SLUG, title: "Event log", body: BODY, owners: ["alice"] }));

/** The text of every inserted piece inside `root`. */
const insertedTexts = (page: Page, selector: string) => page.locator(selector).allTextContents();

test("an added heading and list show as a heading and list items, their text inserted, on the card, in discuss mode and in the editor", async () => {
  const branch = "retention";
  const page = await browser.newPage({ width: 1440, height: 900 });
  page.setDefaultTimeout(60_000);
  await signIn(page, "alice", `/rfcs/${SLUG}`);
  await cutBranch(page, SLUG, branch);
  const change = await aiChange(page, SLUG, branch, { original: ORIGINAL, proposed: PROPOSED, reason: "Say how long events are kept." });
  const heading = await aiChange(page, SLUG, branch, { original: "Open questions", proposed: "## Open questions", reason: "A section of its own." });

  // Discuss mode: the rendered document.
  await page.goto(`/rfcs/${SLUG}?branch=${branch}&mode=discuss`);
  const doc = page.getByRole("article", { name: "Document" });
  await doc.locator("h2 ins[data-change]", { hasText: "Retention" }).waitFor();
  expect(await doc.locator("li ins[data-change]").allTextContents()).toEqual(["Keep events for a year", "Archive older ones"]);
  for (const t of await insertedTexts(page, "article ins[data-change]")) expect(t).not.toMatch(MARKERS);
  // A line that becomes a heading: struck as it was, inserted as a heading.
  await doc.locator("h2 ins[data-change]", { hasText: "Open questions" }).waitFor();
  await doc.locator("p del[data-change]", { hasText: "Open questions" }).waitFor();

  // The card: the same structure in its diff.
  const card = page.locator(`[data-change-id="${change.id}"]`);
  await doc.locator("h2 ins[data-change]").first().click();
  const diff = card.locator("[data-word-diff]");
  await diff.locator("h2 ins", { hasText: "Retention" }).waitFor();
  expect(await diff.locator("li ins").allTextContents()).toEqual(["Keep events for a year", "Archive older ones"]);
  for (const t of await diff.locator("ins").allTextContents()) expect(t).not.toMatch(MARKERS);
  await screenshot(page, "tracked-structure-01-discuss-and-card");

  // Contribute mode: the editor's tracked change draws the blocks rendered.
  await page.goto(`/rfcs/${SLUG}?branch=${branch}&mode=contribute`);
  const editor = page.locator('[contenteditable="true"][aria-label="Document editor"]');
  const inserted = editor.locator(`[data-change-id="doc-change:${change.id}"]`);
  await inserted.locator("h2", { hasText: "Retention" }).waitFor();
  expect(await inserted.locator("li").allTextContents()).toEqual(["Keep events for a year", "Archive older ones"]);
  expect((await inserted.allTextContents()).join("")).not.toMatch(/##|(^|\n)- /);
  // The line that becomes a heading is shown as one, its marker never as text.
  const restyled = editor.locator(`[data-change-id="doc-change:${heading.id}"]`);
  expect(await restyled.evaluateAll((els) => els.map((e) => [e.tagName, e.textContent, e.className.includes("text-2xl")]))).toEqual([["P", "Open questions", true]]);
  await screenshot(page, "tracked-structure-02-editor");
});

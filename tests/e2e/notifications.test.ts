import { browserForFile, screenshot, signIn } from "./helpers/browser";
import { appApi, cutBranch, seedSuperDraft } from "./helpers/world";

// Issue 14 §15 in a real browser: bob mentions alice; the bell on alice's open
// page counts it without a reload, the list names bob and opens the message,
// and "Mark all read" clears the count.

jest.setTimeout(180_000);

const SLUG = "e2e-bell";
const browser = browserForFile();
beforeAll(() => seedSuperDraft({ slug: SLUG, title: "Bell", body: "# Bell\n\n## Motivation\n\nPeople should hear about what concerns them.\n", owners: ["bob"], proposedBy: "bob" }));

test("a mention reaches the bell on the other person's open page, live, and opens the message", async () => {
  const alice = await browser.newPage({ width: 1280, height: 800 });
  const bob = await browser.newPage({ width: 1280, height: 800 });
  await signIn(alice, "alice", "/");
  await signIn(bob, "bob", `/rfcs/${SLUG}`);
  await cutBranch(bob, SLUG, "bell-branch");
  const { threads } = await appApi(bob).get<{ threads: { id: string; kind: string }[] }>(`/api/rfcs/${SLUG}/branches/bell-branch/threads`);
  const thread = threads.find((t) => t.kind === "main")!.id;

  const bell = alice.getByRole("button", { name: /^Notifications/ });
  await bell.waitFor();
  const before = Number(await bell.getAttribute("data-unread"));
  const { message } = await appApi(bob).post<{ message: { id: string } }>(`/api/threads/${thread}/messages`, { body: "@alice could you look at the motivation?" });
  // No reload: the count moves on alice's open page.
  await alice.getByRole("button", { name: `Notifications, ${before + 1} unread` }).waitFor();
  await screenshot(alice, "bell-01-count-live");
  await bell.click();
  const item = alice.getByRole("menuitem", { name: /Bob Baker mentioned you on e2e-bell \(bell-branch\)/ });
  await item.waitFor();
  await screenshot(alice, "bell-02-list");
  await item.click();
  await alice.waitForURL((u) => u.pathname === `/rfcs/${SLUG}` && u.searchParams.get("message") === message.id);
  await alice.locator(`#message-${message.id}`).getByText("could you look at the motivation?").waitFor();
  await screenshot(alice, "bell-03-opened-the-message");

  // Read: one fewer; "Mark all read" clears the rest.
  await alice.getByRole("button", { name: before ? `Notifications, ${before} unread` : "Notifications" }).waitFor();
  await appApi(bob).post(`/api/threads/${thread}/messages`, { body: "@alice and one more thing" });
  await alice.getByRole("button", { name: `Notifications, ${before + 1} unread` }).waitFor();
  await alice.getByRole("button", { name: /^Notifications/ }).click();
  await alice.getByRole("menuitem", { name: "Mark all read" }).click();
  await alice.getByRole("button", { name: "Notifications", exact: true }).waitFor();
  await screenshot(alice, "bell-04-all-read");
  await alice.close();
  await bob.close();
});

test("notification settings: in-app only, email at once or a daily digest — each saved, and still chosen after a reload", async () => {
  const page = await browser.newPage({ width: 1280, height: 800 });
  await signIn(page, "carol", "/");
  // Reached from the bell.
  await page.getByRole("button", { name: /^Notifications/ }).click();
  await page.getByRole("menuitem", { name: "Email settings" }).click();
  await page.waitForURL((u) => u.pathname === "/settings/notifications");
  await page.getByRole("heading", { name: "Notifications" }).waitFor();
  // The address is the one Gitea gave at sign-in; email is set up (tests/e2e/harness/smtp-sink.ts).
  await page.getByText("Email goes to carol@forge.local.").waitFor();
  const radio = (label: string) => page.getByRole("radio", { name: new RegExp(`^${label}`) });
  expect(await radio("In the app only").isChecked()).toBe(true);

  for (const [label, mode, shot] of [["Daily digest", "digest", "settings-01-digest"], ["Email at once", "instant", "settings-02-instant"], ["In the app only", "in_app", "settings-03-in-app"]] as const) {
    await radio(label).check();
    await page.getByText("Saved.").waitFor();
    expect((await appApi(page).get<{ emailMode: string }>("/api/notifications/settings")).emailMode).toBe(mode);
    await page.reload();
    await page.getByText("Email goes to carol@forge.local.").waitFor();
    expect(await radio(label).isChecked()).toBe(true);
    await screenshot(page, `notifications-${shot}`);
  }
  await page.close();
});

import { POST as openSubThread } from "@/app/api/rfcs/[slug]/branches/[branch]/threads/route";
import { POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { db } from "@/lib/db/client";
import { startOpenAiTestServer, type OpenAiTestServer } from "../../helpers/openai-server";
import { waitUntil } from "../../helpers/wait";
import { decisions } from "../ai/decide-helpers";
import { setupFixture, SUPER, type Fixture } from "../ai/fixture";
import { readSse } from "../ai/sse";

// Issue 14 / §15 "a mention": `@login` in a change card — the proposed text
// and reason of a card the AI proposed at someone's request (that person is
// named, never the AI, §15.9), or the text a person edited a card to before
// accepting it — and in the first message of a new sub-thread. Only people
// newly named hear of it, once each; never the author.

let fx: Fixture;
let server: OpenAiTestServer;
let reply = "";
const ids: Record<string, number> = {};
beforeAll(async () => {
  server = await startOpenAiTestServer({ script: () => ({ kind: "reply", chunks: [reply] }) });
  fx = await setupFixture({ AI_COMPAT_BASE_URL: server.baseURL, AI_COMPAT_API_KEY: "test-key", AI_MODELS: "compat:test-llm" });
  await fx.cutBranch(SUPER, "mentions");
  for (const login of ["alice", "bob", "carol", "erin"]) await db().user.update({ where: { login }, data: { name: login[0].toUpperCase() + login.slice(1) } });
  for (const u of await db().user.findMany()) ids[u.login] = u.id;
});
afterAll(async () => {
  await fx.close();
  await server.close();
});

const mentionsOf = (login: string) => db().notification.findMany({ where: { userId: ids[login], kind: "mention" }, orderBy: { createdAt: "asc" } });
const count = async (login: string) => (await mentionsOf(login)).length;

test("a card the AI proposed for alice names carol and erin: each hears once, from alice; an edit tells only the newly named", async () => {
  reply = [
    "Here is a change.",
    "<change><original>five minutes</original><proposed>ten minutes (ask @carol)</proposed><reason>As @erin measured, and @carol agreed.</reason></change>",
  ].join("\n");
  const thread = await fx.mainThreadId(SUPER, "mentions");
  const res = await fx.call(postMessage as never, { as: "alice", method: "POST", params: { threadId: thread }, body: { body: "@ai make it longer", askAi: true } });
  expect(res.status).toBe(200);
  expect((await readSse(res)).map((e) => e.event)).toContain("change");
  const card = await db().change.findFirstOrThrow({ where: { threadId: thread, proposed: "ten minutes (ask @carol)" } });
  await waitUntil(async () => (await count("carol")) === 1 && (await count("erin")) === 1, { what: "carol and erin told of the card that names them" });
  const [toCarol] = await mentionsOf("carol");
  expect(toCarol).toMatchObject({ actorLogin: "alice", actorName: "Alice", text: `Alice mentioned you in a change on ${SUPER} (mentions)`, url: `/rfcs/${SUPER}?branch=mentions&change=${card.id}` });
  expect([await count("alice"), await count("bob")]).toEqual([0, 0]); // the asker is the author; bob is not named

  // bob accepts it edited: alice is newly named and hears from bob; carol, named before, hears nothing more.
  const edited = await decisions(fx).accept(card.id, "bob", { editedText: "ten minutes (ask @carol or @alice)" });
  expect(edited.status).toBe(200);
  await waitUntil(async () => (await count("alice")) === 1, { what: "alice told of bob's edit" });
  expect((await mentionsOf("alice"))[0]).toMatchObject({ actorLogin: "bob", text: `Bob mentioned you in a change they edited on ${SUPER} (mentions)`, url: `/rfcs/${SUPER}?branch=mentions&change=${card.id}` });
  expect([await count("carol"), await count("erin"), await count("bob")]).toEqual([1, 1, 0]);
});

test("the first message of a new sub-thread mentions like any other", async () => {
  const before = await count("bob");
  const res = await fx.call(openSubThread as never, {
    as: "erin", method: "POST", params: { slug: SUPER, branch: "mentions" },
    body: { kind: "range", anchor: { kind: "range", quote: "Reads dominate", prefix: "", suffix: "" }, body: "@bob @erin is this still true?" },
  });
  expect(res.status).toBe(201);
  const { thread, message } = (await res.json()) as { thread: { id: string }; message: { id: string } };
  await waitUntil(async () => (await count("bob")) === before + 1, { what: "bob told of the sub-thread that names him" });
  expect((await mentionsOf("bob")).at(-1)).toMatchObject({ actorLogin: "erin", text: `Erin mentioned you on ${SUPER} (mentions)`, url: `/rfcs/${SUPER}?branch=mentions&thread=${thread.id}&message=${message.id}` });
  expect(await db().notification.count({ where: { userId: ids.erin, key: `mention:${message.id}` } })).toBe(0);
});

import { upsertMessage } from "@/components/chat/use-thread-messages";
import type { Message } from "@/lib/contracts";

// Live chat (§8.4): messages from the SSE stream and from the POST answer merge by id, in time order.

const msg = (id: string, createdAt: string, body = id): Message => ({
  id, threadId: "t", authorKind: "user", author: null, body, modelId: null, status: "complete", error: null, details: null, createdAt,
});

test("a new message is inserted in time order; a repeat of the same id does not duplicate", () => {
  const list = [msg("a", "2026-01-01T10:00:00Z"), msg("c", "2026-01-01T10:02:00Z")];
  const withB = upsertMessage(list, msg("b", "2026-01-01T10:01:00Z"));
  expect(withB.map((m) => m.id)).toEqual(["a", "b", "c"]);
  expect(upsertMessage(withB, msg("b", "2026-01-01T10:01:00Z")).map((m) => m.id)).toEqual(["a", "b", "c"]);
});

test("an update merges into the message; a partial update of an unknown message is ignored", () => {
  const list = [msg("a", "2026-01-01T10:00:00Z", "hel")];
  expect(upsertMessage(list, { id: "a", body: "hello", status: "complete" })[0].body).toBe("hello");
  expect(upsertMessage(list, { id: "zz", status: "failed" })).toEqual(list);
});

import { db } from "@/lib/db/client";
import { DRAFT, LOGIN } from "./fixture";
import { mainThreadId, pendingChange, SENTENCE } from "./resources";
import { allow, SIGNED_IN, STEWARDS, type RouteRow } from "./table";

// The AI participant's variants (§6, §8.14, §18). The matrix runs with no AI
// provider configured, so asking the AI is a 422 for everyone allowed to ask
// (ask_ai is checked first) while plain chat keeps working (rows-rfc-view.ts).

/** A change the AI proposed on main: kept in the discuss-mode buffer (§8.14). */
async function bufferedChange(): Promise<string> {
  const row = await db().change.create({
    data: { rfcSlug: DRAFT, branch: "main", threadId: await mainThreadId(), original: SENTENCE, proposed: `${SENTENCE} Twice.`, reason: "matrix", status: "buffered" },
  });
  return row.id;
}

/** An invalid change on a fresh public branch of bianca's: its original is in the document only without markup (issue 16). */
async function invalidChange(fx: Parameters<typeof pendingChange>[0]): Promise<string> {
  const id = await pendingChange(fx);
  await db().change.update({ where: { id }, data: { status: "invalid", statusReason: "matrix", original: `${SENTENCE} (loose)` } });
  return id;
}

/** A finished AI reply that the branch creator's persona asked for (issue 14's Stop). */
async function finishedReply(): Promise<{ threadId: string; messageId: string }> {
  const threadId = await mainThreadId();
  const row = await db().threadMessage.create({
    data: { threadId, authorKind: "ai", modelId: "compat:matrix", status: "complete", body: "Done.", details: JSON.stringify({ parts: [], askedBy: LOGIN.branchCreator }) },
  });
  return { threadId, messageId: row.id };
}

export const aiRows: RouteRow[] = [
  {
    route: "POST /api/threads/[threadId]/messages/[messageId]/stop",
    variant: "a reply that already finished",
    request: async () => ({ params: await finishedReply() }),
    // Whoever asked and the RFC's owners (admins too) may stop it; it has finished, so 409.
    expect: allow(["branchCreator", "rfcOwner", "admin", "owner"], 409),
  },
  {
    route: "POST /api/threads/[threadId]/messages",
    variant: "ask the AI with no provider configured",
    request: async () => ({ params: { threadId: await mainThreadId() }, body: { body: "What do you think?", askAi: true } }),
    expect: allow(SIGNED_IN, 422),
  },
  {
    route: "POST /api/changes/[changeId]/accept",
    variant: "a buffered change on main: promote first",
    request: async () => ({ params: { changeId: await bufferedChange() }, body: {} }),
    expect: allow(SIGNED_IN, 422),
  },
  {
    route: "POST /api/changes/[changeId]/decline",
    variant: "a buffered change on main",
    request: async () => ({ params: { changeId: await bufferedChange() } }),
    expect: allow(STEWARDS, 200), // the RFC's stewards tend main's buffer
  },
  {
    route: "POST /api/changes/[changeId]/repair",
    variant: "an invalid change, with no provider configured",
    request: async (fx) => ({ params: { changeId: await invalidChange(fx) } }),
    expect: allow(SIGNED_IN, 422), // whoever may ask the AI may ask it to fix a card
  },
];

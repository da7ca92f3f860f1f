import "server-only";
import type { Thread } from "@prisma/client";
import type { Anchor } from "@/lib/anchors";
import { db } from "@/lib/db/client";
import { publishLive } from "@/lib/realtime/publish";
import { branchTopic } from "@/lib/realtime/topics";
import { getOrCreateMainThread } from "./main-thread";
import { postUserMessage, type MessageAuthor } from "./messages";
import type { ThreadSummary } from "@/lib/contracts";
import { summarizeThreads } from "./thread-view";
import type { MessageView } from "./views";

// §8.12 sub-threads: range threads (quote + context) and paragraph threads
// (a block), each opened with a first message.

const clip = (s: string, n = 80) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

export async function createSubThread(args: {
  slug: string;
  branch: string;
  author: MessageAuthor;
  anchor: Anchor;
  body: string;
}): Promise<{ thread: Thread; message: MessageView }> {
  const { anchor } = args;
  const thread = await db().thread.create({
    data: {
      rfcSlug: args.slug,
      branch: args.branch,
      kind: anchor.kind,
      anchor: JSON.stringify(anchor),
      title: clip(anchor.kind === "range" ? anchor.quote : anchor.blockText),
      createdBy: args.author.id,
    },
  });
  const message = await postUserMessage({ threadId: thread.id, author: args.author, body: args.body });
  // Every viewer's Threads tab and editor marks gain it (issue 14): they re-read the list.
  await publishLive({ topic: branchTopic(args.slug, args.branch), type: "thread", data: { id: thread.id } });
  return { thread, message };
}

/** The branch's threads, its main thread first (created here on first read, §8.4). */
export async function listThreads(args: { slug: string; branch: string; text: string | null }): Promise<ThreadSummary[]> {
  const main = await getOrCreateMainThread(args.slug, args.branch);
  const rows = await db().thread.findMany({
    where: { rfcSlug: args.slug, branch: args.branch, id: { not: main.id } },
    orderBy: { createdAt: "asc" },
  });
  return summarizeThreads([main, ...rows], args.text);
}

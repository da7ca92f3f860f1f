import "server-only";
import type { Thread } from "@prisma/client";
import { buildPrompt, type BuiltPrompt, type PromptMessage } from "@/lib/ai/prompt";
import type { PromptPassage } from "@/lib/ai/scope";
import { parseAnchor, resolveAnchor, type Anchor, type Block } from "@/lib/anchors";
import type { BranchPlace } from "@/lib/branches/place";
import type { Span } from "@/lib/changes/locate";
import { readDocumentAt, type StoredDocument } from "@/lib/rfc-docs/read-document";
import type { RfcContext } from "@/lib/rfcs/context";
import { documentBlocks } from "@/lib/threads/blocks";
import { recentHistory } from "./history";

// §18 Context for one AI reply: the branch's document read at its head (the
// head SHA becomes each change's base), the sub-thread's passage (§8.12) and
// the recent messages, built into the prompt within the token budget.

export type ChatContext = {
  doc: StoredDocument;
  /** Where the sub-thread's changes may go; null on a branch's main thread. */
  scope: Span | "detached" | null;
  prompt: BuiltPrompt;
};

function passageOf(anchor: Anchor): PromptPassage {
  return anchor.kind === "range" ? { text: anchor.quote, before: anchor.prefix, after: anchor.suffix } : { text: anchor.blockText };
}

/** The anchored range grown to whole blocks: "scoped to that passage" allows rewording its sentence. */
function widenToBlocks(range: Span, blocks: Block[]): Span {
  const touched = blocks.filter((b) => b.start < range.end && range.start < b.end);
  if (touched.length === 0) return range;
  return { start: Math.min(range.start, touched[0].start), end: Math.max(range.end, touched[touched.length - 1].end) };
}

const anchorOf = (thread: Pick<Thread, "kind" | "anchor">): Anchor | null => (thread.kind === "main" ? null : parseAnchor(thread.anchor));

/** Where a thread's changes may go in `docText`: anywhere (main thread), its passage's blocks, or nowhere (detached). */
export function threadScope(thread: Pick<Thread, "kind" | "anchor"> | null, docText: string): ChatContext["scope"] {
  const anchor = thread ? anchorOf(thread) : null;
  if (!anchor) return null;
  let blocks: Block[] | null = null;
  const blocksOf = () => (blocks ??= documentBlocks(docText));
  const resolved = resolveAnchor(docText, anchor, blocksOf);
  return resolved.state === "attached" ? widenToBlocks(resolved, blocksOf()) : "detached";
}

export async function loadChatContext(args: {
  thread: Thread;
  rfc: RfcContext;
  branch: BranchPlace;
  contextTokens: number;
  /** The AI message being written, left out of its own prompt. */
  replyId: string;
}): Promise<ChatContext> {
  const { thread, rfc } = args;
  const doc = await readDocumentAt(args.branch);
  const anchor = anchorOf(thread);
  const scope = threadScope(thread, doc.text);
  const messages: PromptMessage[] = await recentHistory(thread.id, args.replyId);
  const prompt = buildPrompt({
    rfc: { title: rfc.title, state: rfc.state },
    branch: args.branch.name,
    document: doc.text,
    passage: anchor ? passageOf(anchor) : null,
    messages,
    contextTokens: args.contextTokens,
  });
  return { doc, scope, prompt };
}

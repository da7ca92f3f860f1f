import type { EditorBlock } from "@/lib/markdown";

/**
 * GET /api/rfcs/{slug}/branches/{branch}/document: the text at the branch
 * head (§8); with ?editor=1, `blocks` too: the editor's reading of that text
 * (lib/markdown/blocks.ts), for the text it came with only.
 */
export type DocumentAtHead = { text: string; headSha: string; path: string; branch: string; blocks?: EditorBlock[] };

/** POST …/flush: the commit of a manual edit (§8.11). */
export type FlushAnswer = { headSha: string; commitSha: string | null; added: number; removed: number; staleChangeIds: string[] };

/** GET /api/rfcs/{slug}/branches/{branch}/document: the text at the branch head (§8). */
export type DocumentAtHead = { text: string; headSha: string; path: string; branch: string };

/** POST …/flush: the commit of a manual edit (§8.11). */
export type FlushAnswer = { headSha: string; commitSha: string | null; added: number; removed: number; staleChangeIds: string[] };

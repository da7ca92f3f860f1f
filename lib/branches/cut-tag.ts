import type { BotActor } from "@/lib/bot/actor";
import { composeMessage, onBehalfOf, parseTrailers } from "@/lib/bot/trailers";
import { createTag, deleteTag, GiteaError, listTags, type RepoRef } from "@/lib/gitea";

// Who cut a public branch, kept in Git (README "What private means"): when
// the bot cuts a branch (or makes one public) it tags the commit it starts
// from `quorum/cut/<ref>`, with the creator in a `Quorum-Creator` trailer.
// A rebuilt database reads the creators back from the tags. (A private
// branch needs no tag: its companion repo names its creator.)

const PREFIX = "quorum/cut/";

export const cutTagName = (ref: string) => `${PREFIX}${ref}`;

/** Tags the branch's start; an old tag of the same name (a branch deleted long ago) is replaced. */
export async function writeCutTag(repo: RepoRef, ref: string, sha: string, creator: string, actor: BotActor): Promise<void> {
  const message = composeMessage(`Branch ${ref} cut for ${creator}`, null, [["Quorum-Branch", ref], ["Quorum-Creator", creator], onBehalfOf(actor)]);
  try {
    await createTag(repo, cutTagName(ref), sha, message);
  } catch (err) {
    if (!(err instanceof GiteaError && err.status === 409)) throw err;
    await deleteTag(repo, cutTagName(ref));
    await createTag(repo, cutTagName(ref), sha, message);
  }
}

/** Removes the tag (the branch went private or was deleted); a missing tag is fine. */
export async function deleteCutTag(repo: RepoRef, ref: string): Promise<void> {
  try {
    await deleteTag(repo, cutTagName(ref));
  } catch (err) {
    if (!(err instanceof GiteaError && err.status === 404)) throw err;
  }
}

/** The creator of each tagged ref of the repo (one request per 50 tags). */
export async function readCutCreators(repo: RepoRef): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const tag of await listTags(repo)) {
    if (!tag.name?.startsWith(PREFIX)) continue;
    const creator = parseTrailers(tag.message ?? "")["Quorum-Creator"];
    if (creator) out.set(tag.name.slice(PREFIX.length), creator);
  }
  return out;
}

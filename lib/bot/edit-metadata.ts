import type { RfcScope } from "@/lib/auth/permissions";
import { metaBranch, updateEntry, type Entry, type EntryPatch } from "@/lib/entries";
import { findUserLogin } from "@/lib/gitea";
import { AppError } from "@/lib/http/errors";
import { scopeOfEntry } from "@/lib/lifecycle/entry-scope";
import { stateRefusal } from "@/lib/lifecycle/state-rules";
import type { BotActor } from "./actor";
import { deleteBranchAsBot } from "./delete-branch";
import { conflictOnExisting, findOpenMetaPr, metaRepo, readEntryOrThrow } from "./meta-entry";
import { openPullRequest } from "./pull-requests";
import { commitFiles } from "./write-files";

export type MetadataPatch = {
  title?: string;
  tags?: string[];
  owners?: string[];
  arbiters?: string[];
  signOffsNeeded?: "all" | "majority";
};

/** What a patch changes against the entry, one line each ("owners: +bob −alice"); unchanged keys are left out. */
export function describeChanges(entry: Entry, patch: MetadataPatch): { patch: EntryPatch; lines: string[] } {
  const out: EntryPatch = {};
  const lines: string[] = [];
  const list = (key: "tags" | "owners" | "arbiters", next: string[] | undefined) => {
    if (!next || JSON.stringify(next) === JSON.stringify(entry[key])) return;
    out[key] = next;
    const added = next.filter((x) => !entry[key].includes(x));
    const removed = entry[key].filter((x) => !next.includes(x));
    const at = key === "tags" ? "" : "@";
    const moved = [...added.map((x) => `+${at}${x}`), ...removed.map((x) => `−${at}${x}`)];
    lines.push(`${key}: ${moved.length ? moved.join(" ") : "reordered"}`);
  };
  const title = patch.title?.trim();
  if (title && title !== entry.title) {
    out.title = title;
    lines.push(`title: “${entry.title}” → “${title}”`);
  }
  list("owners", patch.owners);
  list("arbiters", patch.arbiters);
  list("tags", patch.tags);
  const rule = entry.signOffsNeeded === "majority" ? "majority" : "all";
  if (patch.signOffsNeeded && patch.signOffsNeeded !== rule) {
    out.signOffsNeeded = patch.signOffsNeeded;
    lines.push(`sign-offs needed: ${rule} → ${patch.signOffsNeeded}`);
  }
  return { patch: out, lines };
}

/** Owners and arbiters spelled as Gitea spells them; a login Gitea does not know is a 400 naming the field. */
async function knownPeople(entry: Entry, patch: MetadataPatch): Promise<Pick<MetadataPatch, "owners" | "arbiters">> {
  const out: Pick<MetadataPatch, "owners" | "arbiters"> = {};
  for (const key of ["owners", "arbiters"] as const) {
    const next = patch[key];
    if (!next) continue;
    out[key] = await Promise.all(
      next.map(async (login) => {
        if (entry[key].includes(login)) return login;
        const known = await findUserLogin(login);
        if (!known) throw new AppError("bad_request", `${key}: Gitea has no user @${login}`, { field: key });
        return known;
      }),
    );
  }
  return out;
}

/**
 * §3 / §9: title, tags, owners, arbiters and the motion rule change through a
 * `metadata/<slug>` PR that the entry's owners or an admin merge. One open at
 * a time per entry (409); a patch that changes nothing is 422. If the PR
 * cannot be opened, the branch made for it is deleted again: no half state.
 * `allowed` re-checks the caller's permission against the entry in Git.
 */
export async function editMetadata(args: {
  actor: BotActor;
  slug: string;
  patch: MetadataPatch;
  description?: string;
  allowed?: (scope: RfcScope) => void;
}): Promise<{ prNumber: number; commitSha: string; branch: string; changes: string[] }> {
  const { actor, slug } = args;
  const current = await readEntryOrThrow(slug);
  args.allowed?.(scopeOfEntry(current.entry));
  const refusal = stateRefusal("edit_metadata", current.entry.state);
  if (refusal) throw new AppError("conflict", refusal, { state: current.entry.state });
  if (current.entry.state === "active" && args.patch.owners && !args.patch.owners.length) {
    throw new AppError("bad_request", "owners: An active RFC needs at least one owner", { field: "owners" });
  }
  const branch = metaBranch.metadata(slug);
  const open = await findOpenMetaPr(branch);
  if (open) throw new AppError("conflict", `A metadata change on ${slug} is already open (#${open.number})`, { prNumber: open.number });

  const { patch, lines } = describeChanges(current.entry, { ...args.patch, ...(await knownPeople(current.entry, args.patch)) });
  const content = updateEntry(current.text, patch);
  if (content === current.text) throw new AppError("unprocessable", "Nothing to change: the values are the entry's own");
  const changed = lines.map((l) => l.split(":")[0]).join(", ");
  const { commitSha } = await conflictOnExisting(`A metadata change on ${slug} is already in progress`, () =>
    commitFiles({
      repo: metaRepo(),
      branch: "main",
      newBranch: branch,
      files: [{ op: "update", path: current.path, content, sha: current.sha }],
      subject: `Change ${changed} of ${current.entry.title}`,
      body: lines.join("\n"),
      actor,
      audit: { kind: "edit_metadata", rfcSlug: slug, details: { patch, changes: lines } },
    }),
  );
  try {
    const pr = await conflictOnExisting(`A metadata change on ${slug} is already open`, () =>
      openPullRequest({
        repo: metaRepo(),
        head: branch,
        title: `Metadata: ${current.entry.title}`,
        description: [args.description?.trim(), lines.map((l) => `- ${l}`).join("\n")].filter(Boolean).join("\n\n"),
        actor,
        audit: { kind: "open_metadata_pr", rfcSlug: slug, details: { changes: lines } },
      }),
    );
    return { prNumber: pr.number ?? 0, commitSha, branch, changes: lines };
  } catch (err) {
    await deleteBranchAsBot({ repo: metaRepo(), name: branch, actor, audit: { kind: "delete_branch", rfcSlug: slug, details: { why: "the metadata PR could not be opened" } } }).catch(() => undefined);
    throw err;
  }
}

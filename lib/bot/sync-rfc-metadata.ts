import type { Entry } from "@/lib/entries";
import { readFile, splitFullName } from "@/lib/gitea";
import { metadataYamlWith, readmeWith, type RepoMetadata } from "@/lib/lifecycle/repo-metadata";
import type { BotActor } from "./actor";
import { recordAction } from "./audit";
import { commitFiles, type FileWrite } from "./write-files";

/**
 * §3: after a metadata change is merged, an active RFC's repo follows —
 * `.rfc/metadata.yaml` and README.md in one bot commit, only the changed
 * lines. Idempotent: files that already agree are left alone, and the audit
 * row `sync_rfc_metadata` records that the repo matches the entry at `entrySha`
 * (the lifecycle sweep retries a sync that failed).
 */
export async function syncRfcMetadata(args: { entry: Entry; entrySha: string; actor: BotActor; prNumber?: number }): Promise<{ commitSha: string | null }> {
  const { entry, actor } = args;
  if (!entry.repo) return { commitSha: null };
  const repo = splitFullName(entry.repo);
  const m: RepoMetadata = { id: entry.id, title: entry.title, owners: entry.owners, arbiters: entry.arbiters, tags: entry.tags };
  const [yaml, readme] = await Promise.all([readFile(repo, ".rfc/metadata.yaml", "main"), readFile(repo, "README.md", "main")]);
  const files: FileWrite[] = [];
  if (yaml) {
    const next = metadataYamlWith(yaml.text, m);
    if (next !== yaml.text) files.push({ op: "update", path: ".rfc/metadata.yaml", content: next, sha: yaml.sha });
  }
  if (readme) {
    const next = readmeWith(readme.text, m);
    if (next !== readme.text) files.push({ op: "update", path: "README.md", content: next, sha: readme.sha });
  }
  const details = { entrySha: args.entrySha, prNumber: args.prNumber ?? null };
  if (!files.length) {
    await recordAction({ actor, kind: "sync_rfc_metadata", rfcSlug: entry.slug, repo: entry.repo, details: { ...details, alreadyInGit: true } });
    return { commitSha: null };
  }
  const { commitSha } = await commitFiles({
    repo,
    branch: "main",
    files,
    subject: `Update metadata from the meta entry`,
    body: `Follows ${entry.slug}'s entry in the meta repo${args.prNumber ? ` (metadata PR #${args.prNumber})` : ""}.`,
    actor,
    audit: { kind: "sync_rfc_metadata", rfcSlug: entry.slug, details },
  });
  return { commitSha };
}

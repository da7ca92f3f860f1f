import { stringify } from "yaml";
import { getConfig } from "@/lib/config";
import { entryPath, type EntryFields } from "@/lib/entries";
import type { FileWrite } from "./write-files";

// §3 state 3: the files a per-RFC repo holds — RFC.md (the body), README.md
// (title, id, links back to the app and the meta entry) and .rfc/metadata.yaml.

type RepoFacts = Pick<EntryFields, "slug" | "title" | "id" | "owners" | "arbiters" | "tags">;

export function rfcReadme(rfc: RepoFacts): string {
  const { appUrl, giteaPublicUrl, metaRepoFullName } = getConfig();
  return [
    `# ${rfc.id}: ${rfc.title}`,
    "",
    `The text of this RFC is [RFC.md](RFC.md). Discuss and edit it in Quorum: ${appUrl}/rfcs/${rfc.slug}`,
    "",
    `Meta entry: ${giteaPublicUrl}/${metaRepoFullName}/src/branch/main/${entryPath(rfc.slug)}`,
    "",
  ].join("\n");
}

export function rfcMetadataYaml(rfc: RepoFacts): string {
  const data = {
    id: rfc.id,
    slug: rfc.slug,
    title: rfc.title,
    owners: rfc.owners,
    arbiters: rfc.arbiters,
    tags: rfc.tags,
    meta_entry: `${getConfig().metaRepoFullName}:${entryPath(rfc.slug)}`,
  };
  return stringify(data, { lineWidth: 0 });
}

/** The three files that seed a per-RFC repo, as one multi-file commit. */
export function rfcRepoSeedFiles(rfc: RepoFacts, body: string): FileWrite[] {
  return [
    { op: "create", path: "RFC.md", content: body },
    { op: "create", path: "README.md", content: rfcReadme(rfc) },
    { op: "create", path: ".rfc/metadata.yaml", content: rfcMetadataYaml(rfc) },
  ];
}

export type Decision = { outcome: "accepted" | "rejected"; rationale: string; by: string; at: string };

/**
 * §3 state 4: the README shows the decision in a `## Decision` section,
 * replacing an earlier one so the file states the final outcome once.
 */
export function readmeWithDecision(readme: string, d: Decision): string {
  const label = d.outcome === "accepted" ? "Accepted" : "Rejected";
  const quoted = d.rationale.trim().split("\n").map((l) => `> ${l}`.trimEnd()).join("\n");
  const section = `## Decision\n\n**${label}** on ${d.at.slice(0, 10)} by ${d.by}.\n\n${quoted}\n`;
  const start = readme.search(/^## Decision[ \t]*$/m);
  if (start === -1) return `${readme.trimEnd()}\n\n${section}`;
  const rest = readme.slice(start + 1);
  const next = rest.search(/^## /m);
  const after = next === -1 ? "" : `\n${rest.slice(next)}`;
  return `${readme.slice(0, start)}${section}${after}`;
}

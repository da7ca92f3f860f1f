import { stringify } from "yaml";
import type { Entry } from "@/lib/entries";

// §3 state 3: what a freshly graduated RFC repo holds. Pure, so the seed
// commit and the tests derive the same text from the same entry.

export type SeedInput = {
  entry: Entry;
  rfcId: string;
  /** `org/name` of the new repo. */
  repo: string;
  /** `org/meta`, where the entry stays as record. */
  metaRepo: string;
  entryPath: string;
  appUrl: string;
  giteaPublicUrl: string;
};

export type SeedFile = { path: string; content: string };

/** RFC.md is the super-draft body as it was; only leading blank lines go. */
export function rfcMarkdown({ entry }: Pick<SeedInput, "entry">): string {
  const body = entry.body.replace(/^(?:[ \t]*\r?\n)+/, "");
  return body.trim() ? body : `# ${entry.title}\n`;
}

/** How README.md lists owners and arbiters (also rewritten by a metadata change, lib/lifecycle/repo-metadata.ts). */
export const people = (logins: string[]) => (logins.length ? logins.map((l) => `@${l}`).join(", ") : "none yet");

export function readme(input: SeedInput): string {
  const { entry, rfcId } = input;
  return [
    `# ${rfcId}: ${entry.title}`,
    "",
    `This repository holds ${rfcId}, an active RFC. The text is in [RFC.md](RFC.md);`,
    "changes arrive as pull requests opened from Quorum, where the discussion happens.",
    "",
    `- Discuss and edit: ${input.appUrl}/rfcs/${entry.slug}`,
    `- Meta entry: ${input.giteaPublicUrl}/${input.metaRepo}/src/branch/main/${input.entryPath}`,
    `- Owners: ${people(entry.owners)}`,
    `- Arbiters: ${people(entry.arbiters)}`,
    ...(entry.tags.length ? [`- Tags: ${entry.tags.join(", ")}`] : []),
    "",
  ].join("\n");
}

export function metadataYaml(input: SeedInput): string {
  const { entry } = input;
  return stringify(
    {
      id: input.rfcId,
      slug: entry.slug,
      title: entry.title,
      owners: entry.owners,
      arbiters: entry.arbiters,
      tags: entry.tags,
      meta_repo: input.metaRepo,
      meta_entry: input.entryPath,
    },
    { lineWidth: 0 },
  );
}

export function seedFiles(input: SeedInput): SeedFile[] {
  return [
    { path: "RFC.md", content: rfcMarkdown(input) },
    { path: "README.md", content: readme(input) },
    { path: ".rfc/metadata.yaml", content: metadataYaml(input) },
  ];
}

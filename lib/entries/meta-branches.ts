// §9 meta-repo PR kinds come from the head branch name; §11 super-draft
// branches are `edit/<slug>/<name>` in the meta repo, shown as `<name>`.

export type MetaPrKind = "idea" | "meta_body_edit" | "meta_claim" | "meta_metadata" | "graduation";
export type PrKind = MetaPrKind | "rfc_branch";

export const metaBranch = {
  propose: (slug: string) => `propose/${slug}`,
  edit: (slug: string, name: string) => `edit/${slug}/${name}`,
  claim: (slug: string) => `claim/${slug}`,
  metadata: (slug: string) => `metadata/${slug}`,
  graduate: (slug: string) => `graduate/${slug}`,
};

export const RESERVED_BRANCH_PREFIXES = ["propose/", "edit/", "claim/", "metadata/", "graduate/"] as const;

export type MetaHead = { kind: MetaPrKind; slug: string; name?: string };

const PREFIX_KIND: Record<string, MetaPrKind> = {
  propose: "idea",
  claim: "meta_claim",
  metadata: "meta_metadata",
  graduate: "graduation",
};

/** What a meta-repo head branch is about, or null for a branch Quorum did not make. */
export function parseMetaHead(head: string): MetaHead | null {
  const edit = /^edit\/([a-z0-9-]+)\/(.+)$/.exec(head);
  if (edit) return { kind: "meta_body_edit", slug: edit[1], name: edit[2] };
  const m = /^(propose|claim|metadata|graduate)\/([a-z0-9-]+)$/.exec(head);
  return m ? { kind: PREFIX_KIND[m[1]], slug: m[2] } : null;
}

export const entryPath = (slug: string) => `rfcs/${slug}.md`;

/** The slug of `rfcs/<slug>.md`, or null for any other path. */
export function slugOfEntryPath(path: string): string | null {
  const m = /^rfcs\/([^/]+)\.md$/.exec(path);
  return m ? m[1] : null;
}

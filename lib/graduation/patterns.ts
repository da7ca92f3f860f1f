// §13.2 field rules, shared by the dialog (instant feedback while typing)
// and the server (the check route and the authoritative POST).

/** `RFC-` and four digits or more. */
export const RFC_ID_PATTERN = /^RFC-(\d{4,})$/;

/**
 * Gitea's repository name rule: letters, digits, `-`, `_`, `.`; we also
 * require a letter or digit first and refuse names Gitea reserves.
 */
export const REPO_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function rfcIdError(id: string): string | null {
  if (!id) return "Enter an id such as RFC-0001";
  if (!RFC_ID_PATTERN.test(id)) return "The id must be RFC- followed by at least four digits (RFC-0001)";
  return null;
}

export function repoNameError(name: string): string | null {
  if (!name) return "Enter a repository name";
  if (!REPO_NAME_PATTERN.test(name)) {
    return "Use letters, digits, dashes, dots or underscores, starting with a letter or digit (at most 100)";
  }
  if (name.includes("..") || /\.(git|wiki)$/i.test(name)) return "A repository name may not contain .. or end in .git or .wiki";
  return null;
}

/** The number of an id, so that RFC-0007 and RFC-00007 count as the same id. */
export function rfcNumber(id: string | null | undefined): number | null {
  const m = RFC_ID_PATTERN.exec(id ?? "");
  return m ? Number(m[1]) : null;
}

export const formatRfcId = (n: number) => `RFC-${String(n).padStart(4, "0")}`;

/** §13.2 suggestion: `rfc-NNNN-<slug>`. */
export function suggestRepoName(rfcId: string, slug: string): string {
  const n = rfcNumber(rfcId);
  return `rfc-${n === null ? "0000" : String(n).padStart(4, "0")}-${slug}`;
}

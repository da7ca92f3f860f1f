import { isMap, parseDocument } from "yaml";
import { people } from "@/lib/graduation/seed-files";

// §3: an active RFC's repo repeats its entry's metadata in `.rfc/metadata.yaml`
// and README.md. A metadata change rewrites only the keys and lines that
// changed, so the commit shows what moved (pure; lib/bot/sync-rfc-metadata.ts writes).

export type RepoMetadata = { id: string; title: string; owners: string[]; arbiters: string[]; tags: string[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `.rfc/metadata.yaml` with the changed keys set in place; other keys, their order and comments stay. */
export function metadataYamlWith(text: string, m: RepoMetadata): string {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return text; // not ours to rewrite: leave it for a person
  const current = (doc.toJS() ?? {}) as Record<string, unknown>;
  let changed = false;
  for (const key of ["title", "owners", "arbiters", "tags"] as const) {
    if (same(current[key], m[key])) continue;
    doc.set(key, m[key]);
    changed = true;
  }
  return changed ? doc.toString({ lineWidth: 0 }) : text;
}

/** README.md's title line and its Owners / Arbiters / Tags lines as graduation wrote them (lib/graduation/seed-files.ts). */
export function readmeWith(text: string, m: RepoMetadata): string {
  const lines = text.split("\n");
  const heading = lines.findIndex((l) => l.startsWith(`# ${m.id}: `));
  if (heading !== -1) lines[heading] = `# ${m.id}: ${m.title}`;
  const set = (label: string, value: string | null, after: string) => {
    const at = lines.findIndex((l) => l.startsWith(`- ${label}: `));
    if (at !== -1) {
      if (value === null) lines.splice(at, 1);
      else lines[at] = `- ${label}: ${value}`;
      return;
    }
    const anchor = lines.findIndex((l) => l.startsWith(`- ${after}: `));
    if (value !== null && anchor !== -1) lines.splice(anchor + 1, 0, `- ${label}: ${value}`);
  };
  set("Owners", people(m.owners), "Meta entry");
  set("Arbiters", people(m.arbiters), "Owners");
  set("Tags", m.tags.length ? m.tags.join(", ") : null, "Arbiters");
  return lines.join("\n");
}

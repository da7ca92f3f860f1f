import type { Actor } from "@/lib/auth/permissions";
import type { BotActor } from "@/lib/bot/actor";
import { metaRepo } from "@/lib/bot/meta-entry";
import { commitFiles } from "@/lib/bot/write-files";
import { writeEntry } from "@/lib/bot/write-entry";
import { enqueueRefresh, whenIdle } from "@/lib/cache/refresh-queue";
import { entryPath, serializeNewEntry } from "@/lib/entries";
import { getConfig } from "@/lib/config";
import { openMotion, raiseConcern } from "@/lib/lifecycle/motion-actions";
import { createActiveRfc } from "@/scripts/seed/active-rfc";
// Aliased: a name starting with "use" reads as a React hook to the linter.
import { useAppEnv as pointAppAt } from "../../helpers/app-env";
import { createTestDatabase } from "../../helpers/db";
import { startTestForge } from "../../helpers/forge";
import { ensureUser } from "../../helpers/session";

// Active RFCs, motions and concerns made the way the app makes them (through
// the bot), for the lifecycle tests and the permission matrix's rows.

let next = 5000 + (process.pid % 1000) * 7;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** A signed-in person as the lifecycle's domain functions take them. */
export async function person(login: string, role: "admin" | "contributor" = "contributor"): Promise<Actor & { name: string }> {
  const row = await ensureUser({ login, role, name: login[0].toUpperCase() + login.slice(1) });
  return { id: row.id, login: row.login, role: login === getConfig().adminLogins[0] ? "owner" : role, name: row.name };
}

export const botActor = (p: Actor & { name: string }): BotActor => ({ userId: p.id, login: p.login, name: p.name });

export const refreshMeta = () => enqueueRefresh(getConfig().metaRepoFullName, { branches: true, entries: true, openPulls: true });

/** A fresh active RFC with its repo (RFC.md, README.md, .rfc/metadata.yaml), in the cache. */
export async function activeRfc(opts: { owners: string[]; arbiters: string[]; by?: string; signOffsNeeded?: "all" | "majority"; prefix?: string }): Promise<{ slug: string; repo: string; rfcId: string }> {
  const slug = unique(opts.prefix ?? "rfc");
  const actor = botActor(await person(opts.by ?? opts.owners[0] ?? "olive"));
  const made = await createActiveRfc(actor, { slug, title: `RFC ${slug}`, number: next++, body: `# RFC ${slug}\n\nWhat we propose.\n`, proposedBy: actor.login, owners: opts.owners, arbiters: opts.arbiters, tags: ["lifecycle"] });
  if (opts.signOffsNeeded) {
    await writeEntry({ actor, slug, decide: () => ({ result: null, edit: { patch: { signOffsNeeded: opts.signOffsNeeded }, subject: "Sign-off rule", audit: { kind: "seed" } } }) });
  }
  await refreshMeta();
  return { slug, ...made };
}

/** An active RFC with an open motion moved by its first owner, and optionally a concern by its first arbiter. */
export async function rfcWithMotion(opts: { owners: string[]; arbiters: string[]; concern?: boolean; disposition?: "accept" | "reject" | "postpone" }) {
  const rfc = await activeRfc(opts);
  await openMotion({ user: await person(opts.owners[0]), slug: rfc.slug, disposition: opts.disposition ?? "accept", summary: "It is ready." });
  let concernId: string | null = null;
  if (opts.concern) concernId = (await raiseConcern({ user: await person(opts.arbiters[0]), slug: rfc.slug, title: "Migration", text: "How do clients move?" })).concernId;
  await refreshMeta();
  return { ...rfc, concernId };
}

/** A fresh super-draft committed to the meta repo's main, in the cache. */
export async function superDraft(opts: { owners: string[]; arbiters: string[]; prefix?: string }): Promise<string> {
  const slug = unique(opts.prefix ?? "draft");
  const text = serializeNewEntry({
    slug, title: `Draft ${slug}`, state: "super-draft", id: "", repo: "", proposedBy: "cora", proposedAt: "2026-01-01T00:00:00.000Z",
    graduatedAt: "", graduatedBy: "", owners: opts.owners, arbiters: opts.arbiters, tags: ["lifecycle"], body: `# Draft ${slug}\n\nThe body.\n`,
  });
  await commitFiles({ repo: metaRepo(), branch: "main", subject: `Seed ${slug}`, actor: botActor(await person("cora")), audit: { kind: "seed" }, files: [{ op: "create", path: entryPath(slug), content: text }] });
  await refreshMeta();
  return slug;
}

/** A fresh forge, database and app configuration for one test file. */
export async function startLifecycleFixture() {
  const forge = await startTestForge();
  pointAppAt(forge, { ADMIN_LOGINS: "carol" });
  const database = createTestDatabase();
  return {
    forge,
    async close() {
      await whenIdle();
      await database.close();
      await forge.stop();
    },
  };
}

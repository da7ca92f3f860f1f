import type { BotActor } from "@/lib/bot/actor";
import { metaRepo } from "@/lib/bot/meta-entry";
import { commitFiles } from "@/lib/bot/write-files";
import { writeCutTag } from "@/lib/branches/cut-tag";
import type { DocHome } from "@/lib/branches/names";
import { getConfig } from "@/lib/config";
import { entryPath } from "@/lib/entries";
import { createBranch, createOrgRepo, getBranch, readFile, splitFullName } from "@/lib/gitea";
import { BASE_FILE, BASE_TRAILER } from "@/lib/private/base";
import { companionDescription, companionRepoName } from "@/lib/private/names";
import type { BulkRfc } from "./seed-bulk";

// Branches for the sweep benchmark, made in Gitea as Quorum makes them
// (lib/branches/cut.ts, lib/private): private branches in their creator's
// private companion repo, public ones with their cut tag.

export async function seedBranches(actor: BotActor, rfcs: BulkRfc[], spec: { privateRfcs: number; perRfc: number }): Promise<{ companions: { repo: string; path: string }[] }> {
  const { org, metaRepoFullName } = getConfig();
  const companions: { repo: string; path: string }[] = [];
  const open = rfcs.filter((r) => r.state === "active" || r.state === "super-draft");
  // Alternate super-drafts and active RFCs so both kinds of home get companions.
  const drafts = open.filter((r) => !r.repo);
  const actives = open.filter((r) => r.repo);
  const picked = Array.from({ length: spec.privateRfcs }, (_, i) => (i % 2 ? actives[i >> 1] : drafts[i >> 1])).filter(Boolean);
  for (const rfc of picked) {
    const home: DocHome = rfc.repo ? { kind: "rfc", slug: rfc.slug, repo: rfc.repo } : { kind: "meta", slug: rfc.slug };
    const homeRepo = splitFullName(rfc.repo ?? metaRepoFullName);
    const path = rfc.repo ? "RFC.md" : entryPath(rfc.slug);
    const main = (await getBranch(homeRepo, "main"))!.commit!.id!;
    const file = (await readFile(homeRepo, path, main))!;
    const name = companionRepoName(home, actor.login, splitFullName(metaRepoFullName).repo);
    await createOrgRepo(org, { name, private: true, auto_init: true, default_branch: "main", description: companionDescription({ slug: rfc.slug, home: rfc.repo ?? metaRepoFullName, creator: actor.login }) });
    companions.push({ repo: `${org}/${name}`, path });
    for (let b = 1; b <= spec.perRfc; b++) {
      await commitFiles({
        repo: { owner: org, repo: name },
        branch: "main",
        newBranch: `secret-${b}`,
        files: [
          { op: "create", path, content: file.text },
          { op: "create", path: BASE_FILE, content: `${main}\n` },
        ],
        subject: `Start secret-${b}`,
        trailers: [[BASE_TRAILER, main]],
        actor,
        audit: { kind: "bench_seed" },
      });
    }
    // And one public branch with its cut tag.
    const ref = rfc.repo ? "open-1" : `edit/${rfc.slug}/open-1`;
    const repo = rfc.repo ? homeRepo : metaRepo();
    await createBranch(repo, ref, "main");
    await writeCutTag(repo, ref, main, actor.login, actor);
  }
  return { companions };
}

import type { BotActor } from "@/lib/bot/actor";
import { claimEntry } from "@/lib/bot/claim-entry";
import { mergeMetaPr } from "@/lib/bot/merge-meta-pr";
import { proposeIdea } from "@/lib/bot/propose-idea";
import { withdrawRfc } from "@/lib/bot/withdraw-rfc";
import { commitFiles } from "@/lib/bot/write-files";
import { readFile } from "@/lib/gitea";
import { createActiveRfc } from "./seed/active-rfc";
import { DEMO_TEXT } from "./seed/demo-text";

// Demo content for `npm run dev` on a freshly bootstrapped forge (issue 2):
// one RFC in each state, all written through the bot so the forge's history
// shows the On-behalf-of trailers and the audit log has its rows.

const person = (login: string, name: string): BotActor => ({ userId: null, login, name });
const alice = person("alice", "Alice Archer");
const bob = person("bob", "Bob Baker");
const carol = person("carol", "Carol Chen");

export async function seedDemo(): Promise<void> {
  // A super-draft: alice's idea, accepted by carol (admin), claimed by alice.
  const idea = await proposeIdea({ actor: alice, ...DEMO_TEXT.superDraft });
  await mergeMetaPr({ actor: carol, number: idea.prNumber, expectKind: "idea" });
  const claim = await claimEntry({ actor: alice, slug: DEMO_TEXT.superDraft.slug });
  if (claim.status === "opened") await mergeMetaPr({ actor: carol, number: claim.prNumber, expectKind: "meta_claim" });

  // An active RFC with its own repo: RFC-0001, owned by bob and alice, carol arbitrates.
  const active = await createActiveRfc(bob, {
    ...DEMO_TEXT.active,
    number: 1,
    proposedBy: "bob",
    owners: ["bob", "alice"],
    arbiters: ["carol"],
  });
  // A branch of it with one edit by alice, to open in contribute mode or DiffView.
  const [owner, repo] = active.repo.split("/");
  const edit = DEMO_TEXT.activeBranch;
  const rfcMd = await readFile({ owner, repo }, "RFC.md", "main");
  if (!rfcMd?.text.includes(edit.from)) throw new Error("the demo RFC.md does not hold the text its branch edits");
  await commitFiles({
    repo: { owner, repo },
    branch: "main",
    newBranch: edit.name,
    files: [{ op: "update", path: "RFC.md", content: rfcMd.text.replace(edit.from, edit.to), sha: rfcMd.sha }],
    subject: edit.subject,
    actor: alice,
    audit: { kind: "manual_edit", rfcSlug: DEMO_TEXT.active.slug, branch: edit.name },
  });

  // A withdrawn entry: bob's idea, accepted, then withdrawn with a reason.
  const withdrawn = await proposeIdea({ actor: bob, ...DEMO_TEXT.withdrawn });
  await mergeMetaPr({ actor: carol, number: withdrawn.prNumber, expectKind: "idea" });
  await withdrawRfc({ actor: bob, slug: DEMO_TEXT.withdrawn.slug, reason: "Superseded by RFC-0001 (event log), which covers the same ground." });

  // One idea still waiting for an admin (§7.3).
  await proposeIdea({ actor: bob, ...DEMO_TEXT.pending });
}

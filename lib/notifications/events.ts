import "server-only";
import type { Change } from "@prisma/client";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { FLAG_KIND_TEXT, type FlagKind } from "@/lib/contracts";
import { db } from "@/lib/db/client";
import { parseObject } from "@/lib/db/json";
import { repoNameOf, type RfcContext } from "@/lib/rfcs/context";
import type { NotificationKind } from "@/lib/contracts/notifications";
import { guarded } from "./guarded";
import { placeUrl } from "./links";
import { notify } from "./notify";
import { adminLogins, resolveRecipients, whoMayRead } from "./recipients";

// The events of §15, each turned into one notification per person it
// concerns, naming who acted (§15.9). Called after the action succeeded;
// `notify` never throws, so a notification never fails the action.

type Who = { login: string; name?: string | null };
const nameOf = (a: Who) => a.name || a.login;
const at = (slug: string, branch?: string | null) => (branch && branch !== "main" ? `${slug} (${branch})` : slug);

/** Your change accepted or declined: "your" is the person who asked the AI for it. */
export const notifyChangeDecided = (row: Change, verb: "accepted" | "declined", actor: Who) => guarded(`change ${verb}`, () => changeDecided(row, verb, actor));

async function changeDecided(row: Change, verb: "accepted" | "declined", actor: Who): Promise<void> {
  if (!row.messageId) return;
  const message = await db().threadMessage.findUnique({ where: { id: row.messageId }, select: { details: true } });
  const askedBy = parseObject<{ askedBy?: string }>(message?.details ?? "{}", {}).askedBy;
  if (!askedBy) return;
  await notify({
    kind: verb === "accepted" ? "change_accepted" : "change_declined",
    actor,
    to: [askedBy],
    rfcSlug: row.rfcSlug,
    branch: row.branch,
    text: `${nameOf(actor)} ${verb} your change on ${at(row.rfcSlug, row.branch)}`,
    url: placeUrl(row.rfcSlug, { branch: row.branch, change: row.id }),
    key: `change_${verb}:${row.id}`,
  });
}

const MENTION = /(^|[^\w@/.-])@([A-Za-z0-9](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?)/g;

/** The logins a text mentions (`@login`), without `@ai` (§18) and without e-mail addresses. */
export function mentionedLogins(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(MENTION)) if (m[2].toLowerCase() !== "ai") found.add(m[2]);
  return [...found];
}

/** A mention in a message: only people who may read the thread hear of it (a private branch stays private, §6). */
type MentionArgs = { slug: string; branch: string; threadId: string; threadKind: string; messageId: string; body: string; author: Who };
export const notifyMentions = (args: MentionArgs) => guarded("mention", () => mentions({
  logins: mentionedLogins(args.body),
  slug: args.slug,
  branch: args.branch,
  author: args.author,
  url: placeUrl(args.slug, { branch: args.branch, thread: args.threadKind === "main" ? null : args.threadId, message: args.messageId }),
  key: `mention:${args.messageId}`,
  where: "",
}));

async function mentions(args: { logins: string[]; slug: string; branch: string; author: Who; url: string; key: string; where: string }): Promise<void> {
  if (!args.logins.length) return;
  const people = await whoMayRead(await resolveRecipients(args.logins, args.author.login), async (actor) => {
    await loadRfcBranchOrThrow(args.slug, args.branch, actor);
    return true;
  });
  if (!people.length) return;
  await notify({
    kind: "mention",
    actor: args.author,
    to: people.map((p) => p.login),
    rfcSlug: args.slug,
    branch: args.branch,
    text: `${nameOf(args.author)} mentioned you${args.where} on ${at(args.slug, args.branch)}`,
    url: args.url,
    key: args.key,
  });
}

/**
 * A mention in a change card (§15 "a mention", issue 14 "in a message or a
 * card"): the proposed text and reason of a card the AI proposed at
 * someone's request — that person is the author, never the AI (§15.9) — or
 * the text a person edited a card to before accepting it. A name the text
 * already held (the document's original, or the card before the edit) is no
 * new mention: only people newly named hear of it.
 */
type CardMentionArgs = { change: Pick<Change, "id" | "rfcSlug" | "branch">; texts: string[]; known: string[]; authorId: number; edit: boolean };
export const notifyCardMentions = (args: CardMentionArgs) => guarded("card mention", async () => {
  const known = new Set(args.known.flatMap(mentionedLogins).map((l) => l.toLowerCase()));
  const logins = [...new Set(args.texts.flatMap(mentionedLogins))].filter((l) => !known.has(l.toLowerCase()));
  if (!logins.length) return;
  const author = await db().user.findUnique({ where: { id: args.authorId }, select: { login: true, name: true } });
  if (!author) return;
  const { id, rfcSlug: slug, branch } = args.change;
  await mentions({
    logins, slug, branch, author,
    url: placeUrl(slug, { branch, change: id }),
    key: `mention:${args.edit ? "change-edit" : "change"}:${id}`,
    where: args.edit ? " in a change they edited" : " in a change",
  });
});

/** A PR opened or merged on an RFC you own. */
export async function notifyPr(rfc: RfcContext, pr: { number: number; branch: string | null; url: string }, verb: "opened" | "merged", actor: Who): Promise<void> {
  await notify({
    kind: verb === "opened" ? "pr_opened" : "pr_merged",
    actor,
    to: rfc.scope.owners,
    rfcSlug: rfc.slug,
    branch: pr.branch,
    prNumber: pr.number,
    text: `${nameOf(actor)} ${verb} PR #${pr.number}${pr.branch ? ` from ${pr.branch}` : ""} on ${rfc.slug}`,
    url: placeUrl(rfc.slug, { branch: pr.branch }),
    // The home repo, not the slug: a super-draft's PR #3 lives in the meta repo, the RFC's own PR #3 after graduation is another.
    key: `pr_${verb}:${repoNameOf(rfc.home)}:${pr.number}`,
  });
}

/** The proposer of the idea PR #number (never the bot: CachedPr.openedBy, §6.5). */
export async function ideaProposer(repo: string, number: number): Promise<string | null> {
  const pr = await db().cachedPr.findUnique({ where: { repo_number: { repo, number } }, select: { openedBy: true } }).catch(() => null);
  return pr?.openedBy ?? null;
}

/** Your idea merged (a super-draft now) or declined, with the reason. */
export async function notifyIdea(args: { slug: string; proposer: string | null; prNumber: number; verb: "merged" | "declined"; reason?: string; actor: Who }): Promise<void> {
  if (!args.proposer) return;
  const why = args.verb === "declined" && args.reason ? `: ${args.reason.trim().slice(0, 300)}` : "";
  await notify({
    kind: args.verb === "merged" ? "idea_merged" : "idea_declined",
    actor: args.actor,
    to: [args.proposer],
    rfcSlug: args.slug,
    prNumber: args.prNumber,
    text: args.verb === "merged" ? `${nameOf(args.actor)} accepted your idea ${args.slug}; it is a super-draft now` : `${nameOf(args.actor)} declined your idea ${args.slug}${why}`,
    url: args.verb === "merged" ? placeUrl(args.slug) : "/#pending-ideas",
    key: `idea_${args.verb}:${args.prNumber}`,
  });
}

/** A claim to review (§13.1): the RFC's owners and the admins. */
export const notifyClaim = (rfc: RfcContext, prNumber: number, actor: Who) => guarded("claim", async () => {
  await notify({
    kind: "claim_review",
    actor,
    to: [...rfc.scope.owners, ...(await adminLogins())],
    rfcSlug: rfc.slug,
    prNumber,
    text: `${nameOf(actor)} asks to become an owner of ${rfc.slug}`,
    url: placeUrl(rfc.slug),
    key: `claim:${prNumber}`,
  });
});

/** Graduation finished (§13.5): the owners and whoever proposed it. */
export async function notifyGraduated(args: { slug: string; rfcId: string; owners: string[]; proposedBy: string | null; graduationId: number; actor: Who }): Promise<void> {
  await notify({
    kind: "graduated",
    actor: args.actor,
    to: [...args.owners, ...(args.proposedBy ? [args.proposedBy] : [])],
    rfcSlug: args.slug,
    text: `${nameOf(args.actor)} graduated ${args.slug}: it is ${args.rfcId} now`,
    url: placeUrl(args.slug),
    key: `graduated:${args.graduationId}`,
  });
}

/** A flag on your RFC (§8.13): its owners. */
export async function notifyFlag(rfc: RfcContext, flag: { id: string; kind: string; branch: string; threadId: string | null; messageId: string | null }, actor: Who): Promise<void> {
  const label = FLAG_KIND_TEXT[flag.kind as FlagKind]?.label ?? flag.kind;
  await notify({
    kind: "flag",
    actor,
    to: rfc.scope.owners,
    rfcSlug: rfc.slug,
    branch: flag.branch,
    text: `${nameOf(actor)} flagged “${label}” on ${at(rfc.slug, flag.branch)}`,
    url: placeUrl(rfc.slug, { branch: flag.branch, thread: flag.threadId, message: flag.messageId }),
    key: `flag:${flag.id}`,
  });
}

export type DecisionKind = Extract<NotificationKind, "motion" | "signoff_requested" | "concern_raised" | "fcp_started" | "decision_recorded" | "withdrawn">;

/**
 * The decision events (issue 11): a motion to sign off, a sign-off
 * requested, a concern raised, a final comment period started, a decision
 * recorded, a withdrawal — sent by lib/notifications/decisions.ts. `key` identifies the event (e.g. the motion's id), so
 * a retry notifies nobody twice; `to` defaults to the RFC's owners and
 * arbiters.
 */
export async function notifyDecision(args: { kind: DecisionKind; rfc: Pick<RfcContext, "slug"> & { scope: Pick<RfcContext["scope"], "owners" | "arbiters"> }; actor: Who; text: string; key: string; to?: string[]; branch?: string | null; prNumber?: number | null; actorToo?: boolean }): Promise<void> {
  await notify({
    kind: args.kind,
    actor: args.actor,
    actorToo: args.actorToo,
    to: args.to ?? [...args.rfc.scope.owners, ...args.rfc.scope.arbiters],
    rfcSlug: args.rfc.slug,
    branch: args.branch ?? null,
    prNumber: args.prNumber ?? null,
    text: args.text,
    url: placeUrl(args.rfc.slug, { branch: args.branch }),
    key: `${args.kind}:${args.key}`,
  });
}


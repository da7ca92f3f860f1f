import { branchNameLimit } from "@/lib/branches/names";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GraduateButton } from "@/components/graduation/graduate-button";
import { LifecycleBar } from "@/components/lifecycle/lifecycle-bar";
import { RfcList } from "@/components/rfc/rfc-list";
import { RfcView } from "@/components/rfc/rfc-view";
import { BTN } from "@/components/rfc/styles";
import type { ViewPerms } from "@/components/rfc/view-types";
import { aiStatus } from "@/lib/ai/status";
import { can, type Resource } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getRfcForView, listBranchesForView } from "@/lib/db/queries/rfc-view";
import { getLifecycleView } from "@/lib/lifecycle/view";

// /rfcs/{slug}?branch={name} — the RFC view (§8). Reads the database only
// (§2); the branch's text and conversation load in the browser from the §17
// routes. An unknown RFC, or a branch the viewer may not see, is a 404 (§6).

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const LIVE_STATES = ["super-draft", "active"]; // later states are a record: read only

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const rfc = await getRfcForView((await params).slug);
  return { title: rfc ? rfc.title : "RFC not found" };
}

export default async function RfcPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const [user, rfc] = await Promise.all([getCurrentUser(), getRfcForView(slug)]);
  if (!rfc) notFound();
  const branchName = one(query.branch) || "main";
  const [branches, lifecycle] = await Promise.all([listBranchesForView(slug, user), getLifecycleView({ slug, user })]);
  const branch = branches.find((b) => b.name === branchName);
  if (!branch) notFound(); // unknown, or private to others: the same answer (§6)

  const isMain = branch.name === "main";
  const live = LIVE_STATES.includes(rfc.state);
  const onRfc: Resource = { rfc: rfc.scope };
  const onBranch: Resource = { rfc: rfc.scope, branch: { createdBy: branch.createdBy ?? "", visibility: branch.visibility, isMain } };
  const open = live && branch.state === "open";
  const perms: ViewPerms = {
    chat: can(user, "chat", onBranch),
    askAi: can(user, "ask_ai", onBranch),
    subthread: can(user, "subthread", onBranch),
    flag: can(user, "flag", onBranch),
    cutBranch: live && can(user, "cut_branch", onRfc),
    edit: open && can(user, "edit_branch", onBranch),
    flipVisibility: open && can(user, "flip_visibility", onBranch),
    openPr: open && can(user, "open_pr", onBranch),
    updateBranch: open && can(user, "update_branch", onBranch),
    deleteBranch: open && can(user, "delete_branch", onBranch),
    mergePr: live && can(user, "merge_pr", onRfc),
    resolveFlags: can(user, "resolve_flag", onRfc),
    stopAnyAiReply: can(user, "stop_ai_reply", onRfc),
    graduate: rfc.state === "super-draft" && can(user, "graduate", onRfc),
  };
  const here = isMain ? `/rfcs/${encodeURIComponent(slug)}` : `/rfcs/${encodeURIComponent(slug)}?branch=${encodeURIComponent(branch.name)}`;

  return (
    <RfcView
      key={branch.name}
      rfc={{ slug: rfc.slug, title: rfc.title, state: rfc.state, rfcId: rfc.rfcId, tags: rfc.tags, branchLimit: branchNameLimit(rfc.home) }}
      branch={branch}
      branches={branches}
      mainText={isMain ? rfc.mainText : null}
      perms={perms}
      ai={aiStatus(user)}
      viewer={user?.login ?? null}
      signInHref={`/signin?callbackUrl=${encodeURIComponent(here)}`}
      initialMode={one(query.mode) === "contribute" ? "contribute" : "discuss"}
      initialPlace={{ thread: one(query.thread) || null, message: one(query.message) || null, change: one(query.change) || null }}
      rfcList={<RfcList slug={slug} />}
      graduate={perms.graduate ? <GraduateButton slug={slug} className={BTN.primary} /> : undefined}
      lifecycle={<LifecycleBar slug={slug} initial={lifecycle} />}
    />
  );
}

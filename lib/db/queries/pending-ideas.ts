import "server-only";
import { db } from "@/lib/db/client";

// §7.3 pending ideas: open `propose/*` PRs on the meta repo, newest first.

export type PendingIdea = {
  number: number;
  slug: string;
  title: string;
  summary: string;
  proposedBy: string;
  openedAt: Date;
};

/** The PR body without its trailer block (§6.5 trailers are for Git, not for people). */
function summaryOf(body: string): string {
  const paragraphs = body.trim().split(/\n{2,}/);
  const last = paragraphs[paragraphs.length - 1] ?? "";
  if (/^[A-Za-z-]+: .+$/m.test(last) && last.split("\n").every((l) => /^[A-Za-z-]+: /.test(l))) paragraphs.pop();
  return paragraphs.join("\n\n").trim();
}

export async function listPendingIdeas(): Promise<PendingIdea[]> {
  const rows = await db().cachedPr.findMany({
    where: { kind: "idea", state: "open" },
    orderBy: [{ openedAt: "desc" }, { number: "desc" }],
    select: { number: true, rfcSlug: true, title: true, body: true, openedBy: true, openedAt: true },
  });
  return rows.map((r) => ({
    number: r.number,
    slug: r.rfcSlug,
    title: r.title.replace(/^Idea:\s*/, ""),
    summary: summaryOf(r.body),
    proposedBy: r.openedBy,
    openedAt: r.openedAt,
  }));
}

/** True when the slug is taken by an entry on main or an open idea (§7 slug rule). */
export async function isSlugTaken({ slug }: { slug: string }): Promise<boolean> {
  const [entry, idea] = await Promise.all([
    db().cachedRfc.findUnique({ where: { slug }, select: { slug: true } }),
    db().cachedPr.findFirst({ where: { kind: "idea", state: "open", rfcSlug: slug }, select: { id: true } }),
  ]);
  return !!entry || !!idea;
}

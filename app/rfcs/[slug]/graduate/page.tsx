// /rfcs/[slug]/graduate — the Graduate dialog (§13.2) reachable on its own
import { notFound } from "next/navigation";
import { GraduatePageClient } from "@/components/graduation/graduate-page-client";
import { Link } from "@/components/ui/link";
import { getRfcForView } from "@/lib/db/queries/rfc-view";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug } = await params;
  return { title: `Graduate ${decodeURIComponent(slug)}` };
}

export default async function GraduatePage({ params }: Props) {
  const slug = decodeURIComponent((await params).slug);
  const rfc = await getRfcForView(slug);
  if (!rfc) notFound();
  return (
    <main className="mx-auto max-w-3xl p-8">
      <p className="text-sm text-slate-500">
        <Link href={`/rfcs/${encodeURIComponent(slug)}`} className="underline-offset-2 hover:underline">
          {rfc.title}
        </Link>{" "}
        · {rfc.state}
      </p>
      <GraduatePageClient slug={slug} />
    </main>
  );
}

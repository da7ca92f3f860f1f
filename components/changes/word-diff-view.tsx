"use client";

import { useMemo } from "react";
import { PROSE_SM } from "@/components/rfc/styles";
import { renderMarkdown } from "@/lib/rfc-view/markdown-render";
import { sentinelsToHtml } from "@/lib/rfc-view/marks";
import { changeInPlace } from "@/lib/rfc-view/overlays";
import { Html } from "@/components/ui/html";

// §8.8 original → proposed as one word-level diff, rendered: removed words
// struck through, added words underlined; a re-wrapped line is not a change,
// and Markdown markers are structure (issue 16) — an added heading or list
// item shows as a heading or list item with its text marked, never "## ".

const HEADINGS = "[&_h1]:my-1 [&_h1]:font-semibold [&_h2]:my-1 [&_h2]:font-semibold [&_h3]:my-1 [&_h3]:font-semibold [&_h4]:font-semibold";

export function WordDiffView({ original, proposed }: { original: string; proposed: string }) {
  // renderMarkdown sanitises; sentinelsToHtml only adds its own <del>/<ins> tags.
  const html = useMemo(() => sentinelsToHtml(renderMarkdown(changeInPlace(original, proposed, undefined, { ignoreWrap: true }))), [original, proposed]);
  return <Html data-word-diff className={`${PROSE_SM} ${HEADINGS} rounded-md bg-slate-50 px-2.5 py-2 ring-1 ring-slate-200`} html={html} />;
}

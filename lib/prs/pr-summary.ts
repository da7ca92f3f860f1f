/** A PR body without its trailer block (§6.5: trailers are for Git, not for people). */
export function prSummary(body: string): string {
  const paragraphs = body.trim().split(/\n{2,}/);
  const last = paragraphs[paragraphs.length - 1] ?? "";
  if (/^[A-Za-z-]+: .+$/m.test(last) && last.split("\n").every((l) => /^[A-Za-z-]+: /.test(l))) paragraphs.pop();
  return paragraphs.join("\n\n").trim();
}

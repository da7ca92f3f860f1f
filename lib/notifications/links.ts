// The places a notification links to (§15): the RFC view at a branch, opened
// at a card (`change`), a message (`message`, in `thread` when it is a
// sub-thread) — read back by app/rfcs/[slug]/page.tsx — or a PR in Gitea.

export type Place = { branch?: string | null; thread?: string | null; message?: string | null; change?: string | null };

export function placeUrl(slug: string, place: Place = {}): string {
  const q = new URLSearchParams();
  if (place.branch && place.branch !== "main") q.set("branch", place.branch);
  if (place.thread) q.set("thread", place.thread);
  if (place.message) q.set("message", place.message);
  if (place.change) q.set("change", place.change);
  const s = q.toString();
  return `/rfcs/${encodeURIComponent(slug)}${s ? `?${s}` : ""}`;
}

import type { Message } from "@/lib/contracts";

// The order of an AI reply (§18): `details.parts` as the server stores it
// (lib/ai/chat/reply-writer.ts) — prose, and a placeholder where each change
// block stood. While a reply streams, deltas grow `body` faster than the
// saved parts (saved every 250 ms), so prose beyond the parts is appended.

export type Segment =
  | { kind: "text"; text: string }
  | { kind: "change"; changeId: string }
  | { kind: "malformed"; reason: string }
  | { kind: "incomplete" };

function partsOf(details: Message["details"]): Segment[] | null {
  const raw = details?.parts;
  if (!Array.isArray(raw)) return null;
  const out: Segment[] = [];
  for (const p of raw as Record<string, unknown>[]) {
    if (p?.kind === "text" && typeof p.text === "string") out.push({ kind: "text", text: p.text });
    else if (p?.kind === "change" && typeof p.changeId === "string") out.push({ kind: "change", changeId: p.changeId });
    else if (p?.kind === "malformed") out.push({ kind: "malformed", reason: String(p.reason ?? "malformed") });
    else if (p?.kind === "incomplete") out.push({ kind: "incomplete" });
  }
  return out;
}

export function replySegments(m: Pick<Message, "body" | "details">): Segment[] {
  const parts = partsOf(m.details);
  if (!parts) return m.body ? [{ kind: "text", text: m.body }] : [];
  const known = parts.map((p) => (p.kind === "text" ? p.text : "")).join("");
  if (m.body.length > known.length && m.body.startsWith(known)) parts.push({ kind: "text", text: m.body.slice(known.length) });
  return parts;
}

/**
 * Brings a change card into view from its placeholder: the cards live in the
 * conversation column's Changes tab (components/rfc/conversation-column.tsx,
 * `#tab-changes`; cards carry `data-change-id`), which may not be open yet.
 */
export function showChangeCard(changeId: string): void {
  // `li`: the editor's tracked-change marks carry data-change-id too.
  const find = () => document.querySelector<HTMLElement>(`li[data-change-id="${CSS.escape(changeId)}"]`);
  const reveal = (el: HTMLElement) => {
    const folded = el.closest("details");
    if (folded) folded.open = true; // decided cards are folded away
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    el.classList.add("ring-2", "ring-violet-400");
    setTimeout(() => el.classList.remove("ring-2", "ring-violet-400"), 1600);
  };
  const card = find();
  if (card) return reveal(card);
  document.querySelector<HTMLElement>("#tab-changes")?.click();
  let tries = 0;
  const wait = () => {
    const el = find();
    if (el) reveal(el);
    else if (tries++ < 20) setTimeout(wait, 50);
  };
  setTimeout(wait, 50);
}

// Keyboard shortcuts of the RFC view (shown as hints next to their controls):
// e — discuss / contribute, d — DiffView, / — focus the chat input,
// Ctrl/Cmd+S — save. Single keys never fire while the user types somewhere.

export type ShortcutAction = "toggle-contribute" | "toggle-diff" | "focus-chat" | "save";

export type KeyLike = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
  target: { tagName?: string; isContentEditable?: boolean } | null;
};

export function isTypingTarget(t: KeyLike["target"]): boolean {
  if (!t) return false;
  const tag = (t.tagName ?? "").toUpperCase();
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || !!t.isContentEditable;
}

export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") return "save";
  if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return null;
  if (e.key === "e") return "toggle-contribute";
  if (e.key === "d") return "toggle-diff";
  if (e.key === "/") return "focus-chat";
  return null;
}

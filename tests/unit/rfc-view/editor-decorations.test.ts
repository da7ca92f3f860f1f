import { changeDecorations, DOC_CHANGE, DOC_THREAD, editorDecorations } from "@/lib/rfc-view/editor-decorations";
import type { Change, ThreadSummary } from "@/lib/contracts";

// Contribute mode's tracked changes and anchors as editor decorations (§8.10, §8.12).

const src = "# T\n\nOur builds take 14 minutes on average.\n";
const change = (over: Partial<Change> = {}) =>
  ({ id: "c1", original: "14 minutes on average", proposed: "22 minutes on average", editedText: null, reason: "Newer numbers", status: "pending", ...over }) as Change;

test("a change becomes word-level delete and insert decorations at its source offsets", () => {
  const at = src.indexOf("14");
  expect(changeDecorations(src, change())).toEqual([
    { kind: "delete", from: at, to: at + 2, id: `${DOC_CHANGE}c1`, title: "Newer numbers" },
    { kind: "insert", at: at + 2, text: "22", id: `${DOC_CHANGE}c1`, title: "Newer numbers" },
  ]);
});

test("an original that is missing or ambiguous draws nothing (§18: never a guessed place)", () => {
  expect(changeDecorations(src, change({ original: "not there" }))).toEqual([]);
  expect(changeDecorations("a a", change({ original: "a", proposed: "b" }))).toEqual([]);
});

test("edited text wins over the proposal; only pending changes are drawn; attached threads are highlighted", () => {
  const t = { id: "t1", kind: "range", anchorState: "attached", anchorRange: { start: 5, end: 15 }, title: "q" } as ThreadSummary;
  const detached = { ...t, id: "t2", anchorState: "detached", anchorRange: null } as ThreadSummary;
  const out = editorDecorations(src, [change({ editedText: "20 minutes on average" }), change({ id: "c2", status: "declined" })], [t, detached], "t1");
  expect(out.filter((d) => d.kind === "insert").map((d) => (d as { text: string }).text)).toEqual(["20"]);
  expect(out.filter((d) => d.id?.startsWith(DOC_THREAD))).toEqual([{ kind: "highlight", from: 5, to: 15, id: `${DOC_THREAD}t1`, title: "q", className: "bg-amber-300/80" }]);
});

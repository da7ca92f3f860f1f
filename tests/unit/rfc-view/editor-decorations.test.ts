import { changeDecorations, DOC_CHANGE, DOC_THREAD, editorDecorations } from "@/lib/rfc-view/editor-decorations";
import type { Change, ThreadSummary } from "@/lib/contracts";
import { placeThreads } from "@/lib/threads/place";

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

describe("highlights are placed in the text the editor loaded (§8.12)", () => {
  const loaded = "# T\n\nReaders build views from it. Events are kept.\n";
  const quote = "ild views from it. Events a";
  const thread = (over: Partial<ThreadSummary> = {}) =>
    ({ id: "t1", kind: "range", anchor: { kind: "range", quote, prefix: "Readers bu", suffix: "re kept." }, anchorState: "attached", anchorRange: null, title: "q", ...over }) as ThreadSummary;

  test("a range read from the saved text (text inserted before the quote) is not applied to the loaded text", () => {
    // The server placed the thread in the text after a save that added "All " before "Readers".
    const saved = loaded.replace("Readers", "All Readers");
    const fromServer = thread({ anchorRange: { start: saved.indexOf(quote), end: saved.indexOf(quote) + quote.length } });
    const [hl] = editorDecorations(loaded, [], [fromServer], null);
    expect(hl).toMatchObject({ kind: "highlight", from: loaded.indexOf(quote), to: loaded.indexOf(quote) + quote.length });
    expect(loaded.slice((hl as { from: number }).from, (hl as { to: number }).to)).toBe(quote);
  });

  test("a passage that is not in the loaded text draws nothing", () => {
    expect(editorDecorations(loaded.replace("views", "tables"), [], [thread()], null)).toEqual([]);
  });
});

describe("placeThreads", () => {
  const text = "# T\n\nFirst paragraph.\n\nSecond paragraph here.\n";
  const range = { id: "r", kind: "range", anchor: { kind: "range", quote: "Second", prefix: "", suffix: "" }, anchorState: "attached", anchorRange: { start: 0, end: 6 }, title: "" } as ThreadSummary;
  const para = { id: "p", kind: "paragraph", anchor: { kind: "paragraph", blockIndex: 1, blockText: "First paragraph." }, anchorState: "detached", anchorRange: null, title: "" } as ThreadSummary;
  const main = { id: "m", kind: "main", anchor: null, anchorState: null, anchorRange: null, title: "" } as ThreadSummary;

  test("places range and paragraph anchors in the given text and leaves main threads alone", () => {
    const [r, p, m] = placeThreads(text, [range, para, main]);
    expect(r).toMatchObject({ anchorState: "attached", anchorRange: { start: text.indexOf("Second"), end: text.indexOf("Second") + 6 } });
    expect(p).toMatchObject({ anchorState: "attached", anchorRange: { start: text.indexOf("First"), end: text.indexOf("First") + "First paragraph.".length } });
    expect(m).toBe(main);
  });

  test("a passage gone from the text is detached, never moved", () => {
    expect(placeThreads(text.replace("Second", "Other"), [range])[0]).toMatchObject({ anchorState: "detached", anchorRange: null });
  });

  test("a thread already placed right is returned as is (no re-render)", () => {
    const placed = placeThreads(text, [range])[0];
    expect(placeThreads(text, [placed])[0]).toBe(placed);
  });
});

test("a thread detached in the branch's text now is not drawn, though its words are in the text the editor loaded", () => {
  const loaded = "# T\n\nReaders build views from it.\n";
  const t = { id: "t1", kind: "range", anchor: { kind: "range", quote: "views", prefix: "", suffix: "" }, anchorState: "detached", anchorRange: null, title: "q" } as ThreadSummary;
  expect(editorDecorations(loaded, [], [t], null)).toEqual([]);
});

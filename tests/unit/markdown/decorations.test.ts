import { Editor } from "@tiptap/core";
import { SourceDecorations, setSourceDecorations, shownDecorations, sourceDecorationsPlugin } from "@/components/editor/decorations";
import { createMarkdownDocument, markdownExtensions } from "@/lib/markdown";

// §8.10: pending changes are drawn where their original text sits. Ranges
// come in source offsets of the loaded Markdown and must land on the same
// words after the user has typed elsewhere.

const source = "# Title\r\n\r\nThe **old word** stays [here](https://x).\r\n\r\n- item one\r\n";

function setup() {
  const md = createMarkdownDocument(source);
  const editor = new Editor({ extensions: [...markdownExtensions(), SourceDecorations], content: md.doc });
  // A headless editor gets its plugins only when mounted; install ours as mounting would.
  editor.view.updateState(editor.state.reconfigure({ plugins: [sourceDecorationsPlugin()] }));
  const text = (r: { from: number; to: number }) => editor.state.doc.textBetween(r.from, r.to);
  return { md, editor, text };
}

describe("tracked-change decorations", () => {
  it("draws a deletion over its words and an insertion at its place", () => {
    const { md, editor, text } = setup();
    const del = source.indexOf("old word");
    setSourceDecorations(editor, md, [
      { kind: "delete", from: del, to: del + "old word".length, id: "c1" },
      { kind: "insert", at: source.indexOf("one"), text: "two ", id: "c2" },
    ]);
    const shown = shownDecorations(editor);
    expect(shown.map((d) => d.id)).toEqual(["c1", "c2"]);
    expect(text(shown[0])).toBe("old word");
    expect(shown[1].from).toBe(shown[1].to);
    expect(editor.state.doc.textBetween(shown[1].from, shown[1].from + 3)).toBe("one");
    editor.destroy();
  });

  it("puts an insertion at a paragraph's end after its last word, not in the next block", () => {
    const { md, editor } = setup();
    const end = source.indexOf("(https://x).") + "(https://x).".length;
    setSourceDecorations(editor, md, [{ kind: "insert", at: end, text: " More." }]);
    const [shown] = shownDecorations(editor);
    expect(editor.state.doc.textBetween(shown.from - 5, shown.from)).toBe("here.");
    editor.destroy();
  });

  it("maps source ranges through the edits made since loading", () => {
    const { md, editor, text } = setup();
    editor.chain().setTextSelection(3).insertContent({ type: "text", text: "New " }).run();
    const at = source.indexOf("here");
    setSourceDecorations(editor, md, [{ kind: "highlight", from: at, to: at + 4 }]);
    expect(shownDecorations(editor).map(text)).toEqual(["here"]);
    editor.destroy();
  });

  it("skips ranges whose text the user deleted", () => {
    const { md, editor } = setup();
    const at = source.indexOf("stays");
    const pos = (() => {
      let found = -1;
      editor.state.doc.descendants((n, p) => {
        if (found === -1 && n.isText && n.text!.includes("stays")) found = p + n.text!.indexOf("stays");
      });
      return found;
    })();
    editor.commands.deleteRange({ from: pos, to: pos + "stays".length });
    setSourceDecorations(editor, md, [{ kind: "delete", from: at, to: at + 5 }]);
    expect(shownDecorations(editor)).toEqual([]);
    editor.destroy();
  });

  // The editor pane draws them after the first paint, often with none at all: an empty set costs no transaction.
  it("an empty set on an editor showing none dispatches nothing; on one showing some, it takes them away", () => {
    const { md, editor } = setup();
    let transactions = 0;
    editor.on("transaction", () => void transactions++);
    setSourceDecorations(editor, md, []);
    expect(transactions).toBe(0);
    const del = source.indexOf("old word");
    setSourceDecorations(editor, md, [{ kind: "delete", from: del, to: del + 3, id: "c1" }]);
    expect(shownDecorations(editor)).toHaveLength(1);
    setSourceDecorations(editor, md, []);
    expect(shownDecorations(editor)).toEqual([]);
    expect(transactions).toBe(2);
    editor.destroy();
  });
});

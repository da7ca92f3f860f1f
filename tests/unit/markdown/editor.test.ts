import { corpusFiles, readCorpusFile } from "@/tests/fixtures";
import { Editor } from "@tiptap/core";
import { SourceDecorations } from "@/components/editor/decorations";
import { changedLineStats, createMarkdownDocument, markdownExtensions, markdownSchema } from "@/lib/markdown";

// The React editor uses these extensions; tiptap's Editor runs headless in
// Node (no DOM), so the document it holds and the commands it runs can be
// checked against the model: loading must not alter the document (or every
// save would rewrite blocks), and typing must splice into one line (§8).

const files = corpusFiles();

describe("tiptap Editor with the markdown extensions", () => {
  it.each(files)("%s: holds the model's document unchanged and saves typing as a one-line change", (file) => {
    const source = readCorpusFile(file);
    const md = createMarkdownDocument(source);
    const editor = new Editor({ extensions: [...markdownExtensions(), SourceDecorations], content: md.doc });
    try {
      expect(editor.getJSON()).toEqual(md.doc);
      // Type a word at the end of the first paragraph, as a user would.
      let at = -1;
      editor.state.doc.forEach((node, offset) => {
        if (at === -1 && node.type.name === "paragraph" && node.textContent.length > 0) at = offset + node.nodeSize - 1;
      });
      if (at === -1) return;
      editor.chain().setTextSelection(at).insertContent({ type: "text", text: " quorum" }).run();
      const saved = md.save(editor.state.doc);
      expect(saved).toContain("quorum");
      expect(changedLineStats(source, saved)).toEqual({ added: 1, removed: 1 });
      // Removing it again gives back the exact bytes.
      editor.commands.deleteRange({ from: at, to: at + " quorum".length });
      expect(md.save(editor.state.doc)).toBe(source);
    } finally {
      editor.destroy();
    }
  });
});

describe("the editor opens with one drawing of the document", () => {
  // tiptap hands ProseMirror new node-view functions each time it is asked
  // (EditorContent's mount calls createNodeViews); with any node view at all,
  // ProseMirror sees them as changed and draws the whole document again.
  it("the markdown extensions give the editor no node views", () => {
    const editor = new Editor({ extensions: [...markdownExtensions(), SourceDecorations], content: createMarkdownDocument("| a | b |\n| - | - |\n| 1 | 2 |\n").doc });
    try {
      // tiptap lists an extension that declines a view under the key "undefined", with no function: that compares equal.
      const views = (m: Record<string, unknown>) => Object.values(m).filter((v) => v !== undefined);
      expect(views(editor.extensionManager.nodeViews)).toEqual([]);
      expect(views(editor.extensionManager.markViews)).toEqual([]);
    } finally {
      editor.destroy();
    }
  });

  it("a table is drawn from the schema as tiptap's TableView drew it: a .tableWrapper, the table with its width, columns and body", () => {
    const md = createMarkdownDocument("| a | b |\n| - | - |\n| 1 | 2 |\n");
    const table = markdownSchema().nodeFromJSON(md.doc).child(0);
    expect(table.type.name).toBe("table");
    const spec = table.type.spec.toDOM!(table) as unknown as [string, Record<string, string>, [string, Record<string, string>, ...unknown[]]];
    expect(spec[0]).toBe("div");
    expect(spec[1]).toEqual({ class: "tableWrapper" });
    const [tag, attrs, colgroup, body] = spec[2];
    expect(tag).toBe("table");
    expect(attrs.style).toMatch(/^(min-)?width: \d+px$/);
    expect(colgroup).toEqual(["colgroup", {}, ["col", { style: "min-width: 25px" }], ["col", { style: "min-width: 25px" }]]);
    expect(body).toEqual(["tbody", 0]);
  });
});

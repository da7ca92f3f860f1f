import { corpusFiles, readCorpusFile } from "@/tests/fixtures";
import { Editor } from "@tiptap/core";
import { SourceDecorations } from "@/components/editor/decorations";
import { changedLineStats, createMarkdownDocument, markdownExtensions } from "@/lib/markdown";

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

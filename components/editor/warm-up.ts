"use client";

import { Editor } from "@tiptap/core";
import { useEffect } from "react";
import { createMarkdownDocument, markdownExtensions } from "@/lib/markdown";
import { SourceDecorations } from "./decorations";

// While contribute mode waits for a branch's document, the main thread is
// idle. The first parse and above all the first editor of a page cost far
// more than the next ones, whatever the document's size: in the page's CPU
// profile the first tiptap editor took ~100 ms with the code cold, the 86 KB
// document's editor 15 ms after a warm-up. So a short document with every
// kind of block is parsed, loaded into a detached editor, edited and saved
// in that idle time, and the real document meets warm code (issue 15: an
// 86 KB document editable within 150 ms of its data arriving). Each step is
// an idle callback of its own: data that arrives meanwhile waits for one
// step at most, work its own load would have done cold anyway.

const SAMPLE = [
  "# Heading",
  "Some *emphasis*, **strong**, `code`, ~~struck~~, a [link](https://example.com), a [reference][r] and <kbd>html</kbd>.\nA second line.",
  "- a list\n  - nested\n- [ ] a task",
  "1. ordered\n2. items",
  "> a quote",
  "```rust\nfn main() {}\n```",
  "    indented code",
  "| a | b |\n|:--|--:|\n| 1 | 2 |",
  "<div>html</div>",
  "![an image](https://example.com/i.png)",
  "---",
  "[r]: https://example.com",
].join("\n\n");

let warmed = false;

/** The warm-up's steps, and a way to drop what a step left half-done. */
function steps(): { todo: Array<() => void>; drop: () => void } {
  let md: ReturnType<typeof createMarkdownDocument> | null = null;
  let editor: Editor | null = null;
  const todo = [
    () => void (md = createMarkdownDocument(SAMPLE)),
    // A detached editor: tiptap mounts it into a div of its own, outside the page.
    () => void (editor = new Editor({ extensions: [...markdownExtensions(), SourceDecorations], content: md!.doc })),
    () => {
      editor!.commands.insertContentAt(1, "x");
      md!.save(editor!.state.doc);
      editor!.destroy();
      warmed = true;
    },
  ];
  return { todo, drop: () => void (editor && !editor.isDestroyed && editor.destroy()) };
}

const idle = (run: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(run, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 50); // Safari has no requestIdleCallback
  return () => window.clearTimeout(id);
};

/** Warms the editor's code in idle time while `waiting` (once per page). */
export function useEditorWarmUp(waiting: boolean): void {
  useEffect(() => {
    if (!waiting || warmed) return;
    const { todo, drop } = steps();
    let cancel = () => {};
    const next = () => {
      const step = todo.shift();
      if (step) cancel = idle(() => (step(), next()));
    };
    next();
    return () => {
      cancel();
      drop();
    };
  }, [waiting]);
}

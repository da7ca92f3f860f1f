"use client";

import { Editor, type JSONContent } from "@tiptap/core";
import { useEffect } from "react";
import { markdownExtensions } from "@/lib/markdown";
import { SourceDecorations } from "./decorations";
import SAMPLE from "./warm-up-sample.json";

// While contribute mode waits for a branch's document, the main thread is
// idle. The first editor of a page costs far more than the next ones,
// whatever the document's size: in the page's CPU profile the first tiptap
// editor took ~100 ms with the code cold, the 86 KB document's editor 15 ms
// after a warm-up. So a short document with every kind of node and mark
// (warm-up-sample.json; tests/unit/markdown/warm-up-sample.test.ts) is loaded
// into a detached editor and edited in that idle time, and the real document
// meets warm code (issue 15: an 86 KB document editable within 150 ms of its
// data arriving). The document comes parsed by the server (GET
// …/document?editor=1), so nothing here parses Markdown: the parser a save
// needs is made ready once the editor shows (markdown-editor.tsx). Each step
// is an idle callback of its own: data that arrives meanwhile waits for one
// step at most, work its own load would have done cold anyway. The editor's
// code itself is compiled as its chunk loads (scripts/compile-hints.mjs), so
// a step costs ~20–30 ms, not the ~80–100 it did compiling; starting the steps
// at once instead of in idle time gave a better median but a worse p95 in
// alternating runs (bench/README.md), so idle time it stays.

let warmed = false;

/** The warm-up's steps, and a way to drop what a step left half-done. */
function steps(): { todo: Array<() => void>; drop: () => void } {
  let editor: Editor | null = null;
  const todo = [
    // A detached editor: tiptap mounts it into a div of its own, outside the page.
    () => void (editor = new Editor({ extensions: [...markdownExtensions(), SourceDecorations], content: SAMPLE as JSONContent })),
    () => {
      editor!.commands.insertContentAt(1, "x");
      editor!.destroy();
      warmed = true;
    },
  ];
  return { todo, drop: () => void (editor && !editor.isDestroyed && editor.destroy()) };
}

/** Runs `run` when the main thread is idle; returns a way to cancel it. */
export const whenIdle = (run: () => void): (() => void) => {
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
      if (step) cancel = whenIdle(() => (step(), next()));
    };
    next();
    return () => {
      cancel();
      drop();
    };
  }, [waiting]);
}

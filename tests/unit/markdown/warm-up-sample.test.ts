import type { JSONContent } from "@tiptap/core";
import SAMPLE from "@/components/editor/warm-up-sample.json";
import { markdownSchema } from "@/lib/markdown";

// The editor's warm-up (components/editor/warm-up.ts) loads this sample so
// that the real document meets warm code: it must be a document of the
// editor's schema, and hold every kind of node and mark the schema has (a
// task item too: its box is DOM of its own), or the code of the kind it
// lacks stays cold.

test("the warm-up sample is a valid document with every node and mark of the editor's schema", () => {
  const schema = markdownSchema();
  const doc = schema.nodeFromJSON(SAMPLE as JSONContent);
  doc.check();
  const nodes = new Set<string>();
  const marks = new Set<string>();
  doc.descendants((n) => {
    nodes.add(n.type.name === "listItem" && n.attrs.checked !== null ? "task item" : n.type.name);
    for (const m of n.marks) marks.add(m.type.name);
  });
  nodes.add(doc.type.name);
  const missing = [...Object.keys(schema.nodes), "task item"].filter((n) => !nodes.has(n));
  expect(missing).toEqual([]);
  expect(Object.keys(schema.marks).filter((m) => !marks.has(m))).toEqual([]);
});

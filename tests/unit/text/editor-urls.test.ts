import { createMarkdownDocument, markdownSchema } from "@/lib/markdown";

// Issue 12 in the editor (contribute mode): tiptap's own link check lets a
// leading control character through; links and images are judged by
// safeUrl too. A refused URL only loses its DOM attribute: the Markdown
// keeps the source byte for byte (§8).

type Spec = [string, Record<string, string>, ...unknown[]];
const schema = markdownSchema();
const linkDom = (href: string) => schema.marks.link.spec.toDOM!(schema.marks.link.create({ href }), true) as unknown as Spec;
const imageDom = (src: string) => schema.nodes.image.spec.toDOM!(schema.nodes.image.create({ src, alt: "a" })) as unknown as Spec;

test.each(["\u0002javascript:alert(1)", "java\tscript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x"])("the editor renders %j without an href", (href) => {
  expect(linkDom(href)[1].href).toBe("");
});

test("good links and images keep their URL in the editor", () => {
  expect(linkDom("https://example.org/x")[1].href).toBe("https://example.org/x");
  expect(linkDom("/rfcs/a")[1].href).toBe("/rfcs/a");
  expect(imageDom("https://example.org/i.png")[1].src).toBe("https://example.org/i.png");
  expect(imageDom("javascript:alert(1)")[1].src).toBe("");
});

test("a document with hostile links saves back byte for byte", () => {
  const source = "# T\n\n[x](<java\tscript:alert(1)>) and [r] and ![i](javascript:alert(1))\n\n[r]: \u0002javascript:alert(1)\n";
  const md = createMarkdownDocument(source);
  expect(md.save(md.doc)).toBe(source);
});

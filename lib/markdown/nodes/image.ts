import { Node } from "@tiptap/core";
import { safeUrl } from "@/lib/text/safe-url";

// StarterKit has no image node; without one @tiptap/markdown drops `![alt](src)`
// from the editor document. An inline atom keeps images visible and lets a
// paragraph mix text and images as Markdown does.
export const Image = Node.create({
  name: "image",
  group: "inline",
  inline: true,
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: "" }, alt: { default: "" }, title: { default: null } };
  },
  parseHTML() {
    return [{ tag: "img[src]" }];
  },
  renderHTML({ HTMLAttributes }) {
    // The DOM gets only a safe source (issue 12); the Markdown keeps the original.
    return ["img", { ...HTMLAttributes, src: safeUrl(HTMLAttributes.src as string, "image") ?? "" }];
  },
  markdownTokenName: "image",
  parseMarkdown: (token, h) => h.createNode("image", { src: token.href ?? "", alt: token.text ?? "", title: token.title ?? null }),
  renderMarkdown: (node) => {
    const { src, alt, title } = (node.attrs ?? {}) as { src?: string; alt?: string; title?: string | null };
    return title ? `![${alt ?? ""}](${src ?? ""} "${title}")` : `![${alt ?? ""}](${src ?? ""})`;
  },
});

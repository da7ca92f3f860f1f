import { type AnyExtension, type Extensions, Mark, type MarkdownParseHelpers, type MarkdownToken, Node, getExtensionField, getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { StarterKit } from "@tiptap/starter-kit";
import { safeUrl } from "@/lib/text/safe-url";
import { HtmlBlock, HtmlInline } from "./nodes/html";
import { Image } from "./nodes/image";
import { withOrderedTasks, withTaskItems } from "./nodes/task-item";

// One extension list for the server (parsing, saving, tests) and the React
// editor, so a document parses to the same JSON in both (§8).

// A tokenizer that never matches: marked's own CommonMark/GFM rules apply.
// tiptap's ordered-list tokenizer reads "a)" or "IV." as list markers and its
// table tokenizer re-splits cells on pipes inside code spans; Gitea renders
// neither, so the editor must not either.
const commonMark = (name: string) => ({ name, level: "block" as const, start: () => -1, tokenize: () => undefined });

// Paragraph: parse exactly the inline tokens. tiptap's own rule turns a
// `&nbsp;` paragraph into an empty one and unwraps lone images into blocks.
const parseParagraph = (token: MarkdownToken, h: MarkdownParseHelpers) =>
  h.createNode("paragraph", undefined, h.parseInline(token.tokens ?? []));

// Code block: accept every `code` token (tiptap drops fences with leading spaces).
const parseCodeBlock = (token: MarkdownToken, h: MarkdownParseHelpers) =>
  h.createNode("codeBlock", { language: token.lang || null }, token.text ? [h.createTextNode(token.text)] : []);

function override(ext: AnyExtension): AnyExtension {
  if (ext.name === "paragraph") return (ext as Node).extend({ parseMarkdown: parseParagraph });
  if (ext.name === "codeBlock") return (ext as Node).extend({ parseMarkdown: parseCodeBlock });
  if (ext.name === "listItem") return withTaskItems(ext as Node);
  if (ext.name === "orderedList") return withOrderedTasks((ext as Node).extend({ markdownTokenizer: commonMark("orderedList") }));
  // Markdown allows code inside links and emphasis ([`Foo`](url)); tiptap's
  // code mark excludes every other mark, which would make such text invalid.
  if (ext.name === "code") return (ext as Mark).extend({ excludes: "code" });
  return ext;
}

function starterKitParts(): AnyExtension[] {
  // Links in the editor are judged like everywhere else (issue 12): tiptap's
  // own check lets a leading control character through (`\u0002javascript:`).
  // A refused link keeps its mark and its Markdown, only its DOM href is empty.
  const isAllowedUri = (url: string) => !url || safeUrl(url) !== null;
  const kit = StarterKit.configure({ trailingNode: false, link: { openOnClick: false, autolink: true, isAllowedUri } });
  // The kit's direct parts (tiptap flattens their own sub-extensions later).
  const parts = getExtensionField<() => AnyExtension[]>(kit, "addExtensions", { name: kit.name, options: kit.options, storage: kit.storage });
  return parts().map(override);
}

let cached: Extensions | null = null;

/** The schema-defining extensions (nodes, marks, editing helpers of StarterKit). */
export function markdownExtensions(): Extensions {
  cached ??= [
    ...starterKitParts(),
    // No node view: tiptap hands the view a new node-view function each time
    // it asks (Editor.createNodeViews, when EditorContent mounts), so with one
    // ProseMirror would draw the whole document a second time as the editor
    // opens (issue 15: an 86 KB document editable within 150 ms). The schema's
    // own DOM is what TableView drew: a .tableWrapper div, the table with its
    // width and colgroup, its body.
    Table.extend({ markdownTokenizer: commonMark("table") }).configure({ resizable: false, View: null, renderWrapper: true }),
    TableRow,
    TableHeader,
    TableCell,
    HtmlBlock,
    HtmlInline,
    Image,
  ];
  return cached;
}

let schema: Schema | null = null;

/** The ProseMirror schema of `markdownExtensions()`, built once. */
export function markdownSchema(): Schema {
  schema ??= getSchema(markdownExtensions());
  return schema;
}

import { type JSONContent, type MarkdownParseHelpers, type MarkdownRendererHelpers, type MarkdownToken, type Node, type RenderContext, mergeAttributes } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

// GFM task list items (`- [ ] open`, `- [x] done`), which Gitea renders with
// a checkbox. A task is a list item with `checked` true or false (null: a
// plain item), so one Markdown list stays one node whatever mix of items it
// holds, and a toggled box changes only its `[ ]` on save (containers.ts).

/** A list item's marker: `-`, `*`, `+`, `1.` or `1)`. */
const MARKER = String.raw`(?:[-*+]|\d{1,9}[.)])`;
/** `- [ ] `, `1. [x] ` — the start of a task item's Markdown, up to its box. */
const TASK_BOX = new RegExp(String.raw`^(\s*${MARKER}[ \t]+)\[[ xX]\]`);
/** The start of an item's Markdown as tiptap writes it: the marker and one space. */
const WRITTEN_MARKER = new RegExp(String.raw`^(\s*${MARKER} )`);

const box = (checked: boolean) => (checked ? "[x]" : "[ ]");

/** A list item's text with its box set to `checked` (null when it has none). */
export function withBox(itemText: string, checked: boolean): string | null {
  return TASK_BOX.test(itemText) ? itemText.replace(TASK_BOX, `$1${box(checked)}`) : null;
}

/** Whether the item is a task: what the box says, or null. */
export const taskState = (item: JSONContent | PmNode): boolean | null => (item.attrs?.checked ?? null) as boolean | null;

/** The list item around the checkbox `input`, as a position in the document. */
function itemPosOf(view: EditorView, input: HTMLElement): number | null {
  const content = input.closest("li")?.querySelector(":scope > div");
  if (!content) return null;
  const $pos = view.state.doc.resolve(view.posAtDOM(content, 0));
  for (let d = $pos.depth; d > 0; d--) if ($pos.node(d).type.name === "listItem") return $pos.before(d);
  return null;
}

function toggleAt(view: EditorView, pos: number): boolean {
  const item = view.state.doc.nodeAt(pos);
  const checked = item ? taskState(item) : null;
  if (!item || checked === null) return false;
  view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...item.attrs, checked: !checked }));
  return true;
}

/** The task item around the selection, if any. */
function taskAroundSelection(view: EditorView): number | null {
  const { $from } = view.state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (node.type.name === "codeBlock") return null;
    if (node.type.name === "listItem") return taskState(node) === null ? null : $from.before(d);
  }
  return null;
}

const toggleKey = new PluginKey("taskToggle");

/** The list item of the schema, able to be a task. */
export function withTaskItems(listItem: Node): Node {
  return listItem.extend({
    addAttributes() {
      return {
        ...this.parent?.(),
        checked: {
          default: null,
          // Enter in a task makes a new, open task (addKeyboardShortcuts), never a copy of a ticked one.
          keepOnSplit: false,
          parseHTML: (el: HTMLElement) => {
            const own = el.getAttribute("data-checked");
            return own === "true" ? true : own === "false" ? false : null;
          },
          renderHTML: (attrs: { checked: boolean | null }) => (attrs.checked === null ? {} : { "data-checked": String(attrs.checked) }),
        },
      };
    },
    renderHTML({ node, HTMLAttributes }) {
      const attrs = mergeAttributes(this.options.HTMLAttributes, HTMLAttributes);
      const checked = taskState(node);
      if (checked === null) return ["li", attrs, 0];
      return [
        "li",
        attrs,
        ["input", { type: "checkbox", contenteditable: "false", tabindex: "-1", "aria-label": checked ? "Task done" : "Task to do", ...(checked ? { checked: "" } : {}) }],
        ["div", 0],
      ];
    },
    parseMarkdown(token: MarkdownToken, helpers: MarkdownParseHelpers) {
      // marked (GFM) gives a task item a leading `checkbox` token; the item's content follows it.
      const own = token.task ? { ...token, tokens: (token.tokens ?? []).filter((t: MarkdownToken) => t.type !== "checkbox") } : token;
      const parsed = this.parent?.(own, helpers) as JSONContent | JSONContent[] | undefined;
      if (!token.task || !parsed || Array.isArray(parsed)) return parsed ?? [];
      return { ...parsed, attrs: { ...parsed.attrs, checked: !!token.checked } };
    },
    renderMarkdown(node: JSONContent, h: MarkdownRendererHelpers, ctx: RenderContext) {
      const text = (this.parent?.(node, h, ctx) as string | undefined) ?? "";
      const checked = taskState(node);
      return checked === null ? text : text.replace(WRITTEN_MARKER, `$1${box(checked)} `);
    },
    addKeyboardShortcuts() {
      return {
        ...this.parent?.(),
        Enter: () => {
          const { $from } = this.editor.state.selection;
          const inTask = $from.depth >= 2 && $from.node(-1).type.name === this.name && taskState($from.node(-1)) !== null;
          return this.editor.commands.splitListItem(this.name, inTask ? { checked: false } : {});
        },
        // The keyboard's way to tick a box (the mouse clicks it).
        "Mod-Enter": () => {
          const pos = taskAroundSelection(this.editor.view);
          return this.editor.isEditable && pos !== null && toggleAt(this.editor.view, pos);
        },
      };
    },
    addProseMirrorPlugins() {
      return [
        ...(this.parent?.() ?? []),
        new Plugin({
          key: toggleKey,
          props: {
            handleDOMEvents: {
              // The box is ProseMirror's DOM: its own click must not change it; the document does.
              click(view, event) {
                const input = event.target as HTMLElement | null;
                if (!(input instanceof HTMLInputElement) || input.type !== "checkbox" || !input.closest("li[data-checked]")) return false;
                event.preventDefault();
                const pos = view.editable ? itemPosOf(view, input) : null;
                if (pos !== null) toggleAt(view, pos);
                return true;
              },
            },
          },
        }),
      ];
    },
  });
}

/** The ordered list, whose own item parser (tiptap's) leaves the boxes out: they are put back on its items. */
export function withOrderedTasks(orderedList: Node): Node {
  return orderedList.extend({
    parseMarkdown(token: MarkdownToken, helpers: MarkdownParseHelpers) {
      const parsed = this.parent?.(token, helpers) as JSONContent | JSONContent[] | undefined;
      if (!parsed || Array.isArray(parsed)) return parsed ?? [];
      const items = (token.items ?? []) as MarkdownToken[];
      const content = parsed.content?.map((item, i) => (items[i]?.task ? { ...item, attrs: { ...item.attrs, checked: !!items[i].checked } } : item));
      return { ...parsed, content };
    },
  });
}

// Source-preserving Markdown for the tiptap editor (§8): Markdown is the
// storage format, so a no-op save changes no byte and an edit changes only
// the edited block's lines. How it works, and what was measured: README.md here.
export { createMarkdownDocument, type MarkdownDocument, type SaveReport } from "./document";
export { blockRanges, editorBlocksOf, type BlockRange, type EditorBlock } from "./blocks";
export { changedLineStats } from "./line-stats";
export { markdownExtensions, markdownSchema } from "./extensions";
export { sourceOffsetToDoc, sourceRangeToDoc } from "./source-map";

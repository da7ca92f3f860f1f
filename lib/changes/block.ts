import type { ChangeEvent, MalformedEvent } from "./events";
import type { Fence } from "./tags";

// One §18 change block while the parser reads it, and how it becomes an event.

export const blockFields = ["original", "proposed", "reason"] as const;
export type Field = (typeof blockFields)[number];

export type BlockState = {
  index: number;
  /** Everything read since `<change`, kept so a malformed block is never lost. */
  raw: string;
  /** The code fence the block was wrapped in, if any. */
  fence: Fence | null;
  fields: Partial<Record<Field, string>>;
  problems: string[];
  /** The child element being read, if any. */
  field: { name: Field; content: string } | null;
};

/**
 * The model writes the tags on their own lines, so exactly one line break
 * (with the closing tag's indent) comes off each end; inner whitespace stays.
 */
export function stripTagLines(content: string): string {
  return content.replace(/^[ \t]*\r?\n/, "").replace(/\r?\n[ \t]*$/, "");
}

export function openField(block: BlockState, name: Field, selfClosing: boolean): void {
  if (selfClosing) setField(block, name, ""); // `<proposed/>`: an empty replacement
  else block.field = { name, content: "" };
}

/** Finish the open child element; `tail` is its last stretch of text. */
export function closeField(block: BlockState, tail: string): void {
  if (!block.field) return;
  const { name, content } = block.field;
  block.field = null;
  const text = content + tail;
  setField(block, name, name === "reason" ? text.trim() : stripTagLines(text));
}

function setField(block: BlockState, name: Field, value: string): void {
  if (block.fields[name] !== undefined) block.problems.push(`duplicate <${name}>`);
  else block.fields[name] = value;
}

/** The event for a finished block (`closed`: it ended with `</change>`). */
export function finishBlock(block: BlockState, closed: boolean): ChangeEvent | MalformedEvent {
  const { original, proposed, reason } = block.fields;
  const problems = [...block.problems];
  const unterminated = problems.some((p) => p.startsWith("unterminated"));
  for (const [name, value] of [["original", original], ["proposed", proposed]] as const) {
    if (value === undefined && !problems.includes(`unterminated <${name}>`)) problems.push(`missing <${name}>`);
  }
  if (problems.length > 0 || original === undefined || proposed === undefined) {
    if (!closed && !unterminated) problems.push("missing </change>");
    return { type: "malformed", index: block.index, raw: block.raw, reason: problems.join("; ") };
  }
  // A complete block without </change> is accepted: nothing in it is in doubt.
  return { type: "change", index: block.index, original, proposed, reason: reason ?? "" };
}

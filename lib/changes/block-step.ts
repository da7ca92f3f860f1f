import { type BlockState, blockFields, closeField, type Field, openField } from "./block";
import { endBlock, type ParserState, scanBlockStart } from "./parser-state";
import { scanTag, skipSpace } from "./tags";

// Block steps of the change parser (§18). Each consumes a prefix of st.buf
// into the block's raw text and returns true, or returns false when it cannot
// decide without more input.

const STRAY = "text outside the child tags";

/** Between child elements: a child tag, </change>, or the block's end. */
export function betweenStep(st: ParserState, block: BlockState, final: boolean): boolean {
  const s = st.buf;
  const j = skipSpace(s, 0);
  if (j >= s.length) return false; // only whitespace so far: wait (end() decides)
  if (s[j] === "<") {
    const tag = scanTag(s, j, ["change", ...blockFields], final);
    const next = scanBlockStart(s, j, final);
    if (tag.kind === "partial" || next.kind === "partial") return false;
    if (tag.kind === "match" && (tag.value.name === "change") === tag.value.closing) {
      block.raw += s.slice(0, tag.end);
      st.buf = s.slice(tag.end);
      if (tag.value.closing) endBlock(st, block, true);
      else openField(block, tag.value.name as Field, tag.value.selfClosing);
      return true;
    }
    if (next.kind === "match") {
      endBlock(st, block, false); // a new block starts: </change> was forgotten
      return true;
    }
  }
  if (block.fields.original !== undefined && block.fields.proposed !== undefined) {
    endBlock(st, block, false); // complete, and prose follows: </change> was forgotten
    return true;
  }
  // An incomplete block keeps reading to </change>, so its raw text stays together.
  const stop = s.indexOf("<", j + 1);
  const stray = stop < 0 ? s.length : stop;
  if (!block.problems.includes(STRAY)) block.problems.push(STRAY);
  block.raw += s.slice(0, stray);
  st.buf = s.slice(stray);
  return true;
}

/** Inside a child element: verbatim text up to its closing tag. */
export function fieldStep(st: ParserState, block: BlockState, open: { name: Field; content: string }, final: boolean): boolean {
  const s = st.buf;
  // A <reason> may also be ended by </change> (a missing </reason>).
  const enders = open.name === "reason" ? ["reason", "change"] : [open.name];
  let i = 0;
  for (; i < s.length; i++) {
    if (s[i] === "<") {
      const tag = scanTag(s, i, enders, final);
      if (tag.kind === "partial") break;
      if (tag.kind === "match" && tag.value.closing) {
        closeField(block, s.slice(0, i));
        block.raw += s.slice(0, tag.end);
        st.buf = s.slice(tag.end);
        if (tag.value.name === "change") endBlock(st, block, true);
        return true;
      }
    } else if (s[i] === "\n" && open.name === "reason") {
      // A reason with neither </reason> nor </change> ends at a blank line.
      let k = i + 1;
      while (k < s.length && (s[k] === " " || s[k] === "\t" || s[k] === "\r")) k++;
      if (k >= s.length && !final) break;
      if (s[k] === "\n") {
        closeField(block, s.slice(0, i));
        block.raw += s.slice(0, i);
        st.buf = s.slice(i);
        return true;
      }
    }
  }
  if (i === 0) return false;
  open.content += s.slice(0, i);
  block.raw += s.slice(0, i);
  st.buf = s.slice(i);
  return true;
}

/** Input is over inside a block: a reason may simply stop; anything else is unterminated. */
export function endOfInputInBlock(st: ParserState, block: BlockState): void {
  if (block.field?.name === "reason") closeField(block, "");
  else if (block.field) {
    block.raw += st.buf;
    st.buf = "";
    block.problems.push(`unterminated <${block.field.name}>`);
    block.field = null;
  }
  endBlock(st, block, false);
}

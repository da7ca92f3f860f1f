import { betweenStep, endOfInputInBlock, fieldStep } from "./block-step";
import type { ParseEvent } from "./events";
import { newParserState, type ParserState } from "./parser-state";
import { afterFenceStep, proseStep } from "./prose-step";

// §18 change protocol: an incremental parser for AI replies.
//
// Events come in reply order, and that order is the card's position: a
// `change` (or `malformed`) event sits between the text before and after its
// block, so the UI renders text, card, text. Nothing is ever taken back:
// text is emitted only once it cannot turn out to be part of a block, and a
// block is emitted once, complete. Splitting the input differently changes
// only how text is cut into `text` events (see mergeTextEvents).
//
// Rules (the tests in tests/unit/changes/parser.test.ts pin each one):
// - A block starts at `<change …>` only when, after whitespace, a child tag
//   (`<original>`, `<proposed>`, `<reason>`) follows. Otherwise `<change>` is
//   not a block, and like child or closing tags outside a block it is
//   dropped: no protocol tag ever shows as prose. Anything inside an inline
//   code span (odd number of backticks earlier on the line) stays prose.
// - Inside `<original>`/`<proposed>` text is verbatim up to the matching
//   closing tag; exactly one tag line break is stripped at each end.
// - `<reason>` also ends at `</change>` or a blank line (a missing `</reason>`).
// - A block ends at `</change>`. If the model forgot it, a block that already
//   has `<original>` and `<proposed>` ends at the first thing that is not a
//   child tag (what follows is prose), and any block ends where a new one starts.
//   An incomplete block reads on to `</change>` so its raw text stays together.
// - A block missing `<original>` or `<proposed>`, with a duplicate child or
//   stray text, or unterminated at end() is a `malformed` event carrying its
//   raw text (from `<change` on): reported, never shown as prose, never lost.
// - Code fences (```xml … ```, ~~~) directly around blocks are dropped.
// - `end()` is for a reply that finished; after a provider error the caller
//   may still call it to keep complete blocks (the tests do).

export type { ChangeEvent, MalformedEvent, ParseEvent, TextEvent } from "./events";

export type ChangeStreamParser = { push(chunk: string): ParseEvent[]; end(): ParseEvent[] };

function step(st: ParserState, final: boolean): boolean {
  const { mode } = st;
  if (mode.kind === "after-fence") return afterFenceStep(st, mode.fence, final);
  if (st.buf.length === 0) return false;
  if (mode.kind === "prose") return proseStep(st, final);
  const { block } = mode;
  return block.field ? fieldStep(st, block, block.field, final) : betweenStep(st, block, final);
}

function drain(st: ParserState, final: boolean): ParseEvent[] {
  while (step(st, final));
  const events = st.out;
  st.out = [];
  return events;
}

export function createChangeStreamParser(): ChangeStreamParser {
  const st = newParserState();
  return {
    push(chunk: string) {
      st.buf += chunk;
      return drain(st, false);
    },
    end() {
      for (;;) {
        while (step(st, true));
        if (st.mode.kind !== "block") break;
        endOfInputInBlock(st, st.mode.block);
      }
      return drain(st, true);
    },
  };
}

/** Parse a complete reply (not streamed). */
export function parseChangeReply(full: string): ParseEvent[] {
  const parser = createChangeStreamParser();
  return [...parser.push(full), ...parser.end()];
}

import { Marked, Tokenizer, type MarkedExtension, type Token } from "marked";
import { toLf } from "./eol";

// The one Markdown block splitter: a document's top-level tokens with their
// offsets in the source bytes. The editor's blocks (blocks.ts), the
// read-only rendering and DiffView (lib/rfc-view/markdown-render.ts) and the
// three-way merge (merge-blocks.ts) all cut a document here, so a block is
// the same block everywhere.

/** One top-level token: `start`/`end` in the source, `lfStart` in its LF form (what marked lexed). */
export type TopLevelToken = { start: number; end: number; lfStart: number; token: Token };

let repeats = 0;
/**
 * marked leaves a repeated link definition out of the token list, so its
 * bytes would be missing from the tokens' raw text; a tag no reference can
 * match keeps them in (the first definition still wins).
 */
export const keepRepeatedDefs: MarkedExtension = {
  tokenizer: {
    def(src: string) {
      const token = Tokenizer.prototype.def.call(this, src);
      if (token && this.lexer.tokens.links[token.tag]) return { ...token, tag: `${token.tag}\u0000${++repeats}` };
      return token ?? false;
    },
  },
};

const blockLexer = new Marked({ gfm: true }, keepRepeatedDefs);

/**
 * Cuts `source` into top-level tokens (space and link definitions
 * included, so they tile the source). marked lexes LF text only: offsets
 * are mapped back to the source's own line ends. `lex` is the lexer to use
 * (the editor passes its own, which remembers link definitions).
 */
export function topLevelTokens(source: string, lex: (lfText: string) => Token[] = (t) => blockLexer.lexer(t)) {
  const lf = toLf(source);
  const out: TopLevelToken[] = [];
  let offset = 0;
  for (const token of lex(lf.text)) {
    // Tokens' raw texts tile the text; should marked ever skip bytes, they are left out.
    if (!lf.text.startsWith(token.raw, offset)) {
      const found = lf.text.indexOf(token.raw, offset);
      if (found === -1) break;
      offset = found;
    }
    out.push({ start: lf.toSource(offset), end: lf.toSource(offset + token.raw.length), lfStart: offset, token });
    offset += token.raw.length;
  }
  return { tokens: out, lf };
}

/** Whether a token shows as nothing (blank lines, link definitions). */
export const isSpacing = (t: Token) => t.type === "space" || t.type === "def";

import { createParser } from "@/lib/markdown/parser";
import { isSpacing, topLevelTokens } from "@/lib/markdown/top-level";
import { corpusFiles, readCorpusFile } from "@/tests/fixtures";

// Loading reuses the tokens the document was lexed into (parseToken) instead
// of lexing every block's text again (parseBlock): the editor's nodes must be
// the same, block for block, over the whole corpus.

test.each(corpusFiles())("%s: parseToken(token) is parseBlock(its text) for every block", (name) => {
  const source = readCorpusFile(name);
  const parser = createParser();
  const { tokens } = topLevelTokens(source, (t) => parser.lex(t));
  for (const { token } of tokens) {
    const text = token.raw.replace(/(?:\n[ \t]*)+$/, "");
    if (isSpacing(token) || !text) continue;
    expect({ text, nodes: parser.parseToken(token) }).toEqual({ text, nodes: parser.parseBlock(text) });
  }
});

import type { JSONContent } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import { Lexer, type Links, Marked, type MarkedOptions, Tokenizer, type Token, type Tokens, type marked as globalMarked } from "marked";
import { markdownExtensions, markdownSchema } from "./extensions";
import { keepRepeatedDefs } from "./top-level";

/** A per-document Markdown parser: its own `marked` instance (MARKDOWN.md pitfall 1). */
export interface MarkdownParser {
  /** Lex a whole document (LF line ends) into top-level tokens; remembers its link definitions. */
  lex(source: string): Token[];
  /** Parse one top-level block's text to normalised editor JSON nodes, resolving the document's reference links. */
  parseBlock(text: string): JSONContent[];
  /**
   * Parse one top-level token of the document (from `lex`) to normalised
   * editor JSON nodes, without lexing its text again: the same as
   * `parseBlock(token's text)` (the corpus test checks it), at half the cost.
   */
  parseToken(token: Token): JSONContent[];
  /** Lex one top-level block's text with the document's link definitions. */
  lexBlock(text: string): Token[];
  /** tiptap's serialiser, used only for blocks that cannot be spliced. */
  serialize(nodes: JSONContent[]): string;
}

export function createParser(): MarkdownParser {
  let links: Links = Object.create(null);
  const marked = new Marked({ gfm: true });
  marked.use(keepRepeatedDefs, {
    tokenizer: {
      // Inline HTML becomes its own token type so that @tiptap/markdown hands it to
      // the HtmlInline node instead of parsing it through the DOM (see nodes/html.ts).
      tag(src: string) {
        const token = Tokenizer.prototype.tag.call(this, src);
        return token ? ({ ...token, type: "inlineHtml" } as unknown as Tokens.Tag) : false;
      },
    },
  });
  // Every lexer the manager creates starts with the document's link definitions,
  // so a block parsed on its own resolves `[text][ref]` as it does in context.
  class LinkedLexer extends Lexer {
    constructor(options?: MarkedOptions) {
      super(options);
      Object.assign(this.tokens.links, links);
    }
  }
  marked.Lexer = LinkedLexer as typeof Lexer; // generic constructor signature only
  // The manager is typed for the global `marked` function but only uses what a
  // Marked instance has (Lexer, defaults, use, lexer).
  const manager = new MarkdownManager({ marked: marked as unknown as typeof globalMarked, extensions: markdownExtensions() });
  const schema = markdownSchema();

  return {
    lex(source) {
      links = Object.create(null);
      const tokens = new marked.Lexer(marked.defaults).lex(source);
      links = { ...tokens.links };
      return tokens;
    },
    lexBlock: (text) => new marked.Lexer(marked.defaults).lex(text),
    parseBlock(text) {
      const content = softBreaksToSpaces(manager.parse(text).content ?? []);
      return schema.nodeFromJSON({ type: "doc", content }).toJSON().content ?? [];
    },
    parseToken(token) {
      // @tiptap/markdown's parse() is lex + parseTokens under an active lexer (nested
      // blocks are lexed with it); this is the same with the document's own token.
      const m = manager as unknown as { activeParseLexer: unknown; createLexer(): unknown; parseTokens(t: Token[], implicit: boolean): JSONContent[] };
      const previous = m.activeParseLexer;
      m.activeParseLexer = m.createLexer();
      try {
        // Its blank lines after it belong to the gap, as in parseBlock (no implicit empty paragraphs).
        const own = { ...token, raw: token.raw.replace(/(?:\n[ \t]*)+$/, "") } as Token;
        const content = softBreaksToSpaces(m.parseTokens([own], true));
        return schema.nodeFromJSON({ type: "doc", content }).toJSON().content ?? [];
      } finally {
        m.activeParseLexer = previous;
      }
    },
    serialize(nodes) {
      // tiptap writes nothing for an empty heading (Enter at a heading's start makes one); "##" keeps it.
      const [only] = nodes;
      if (nodes.length === 1 && only.type === "heading" && !only.content?.length) return "#".repeat(Number(only.attrs?.level ?? 1));
      // tiptap pads some blocks (tables) with newlines; a block's text has none around it.
      return manager.serialize({ type: "doc", content: nodes }).replace(/^\n+|\n+$/g, "");
    },
  };
}

// Hard-wrapped source lines render as one line of prose (CommonMark soft
// breaks); the editor shows them as spaces too. Saving keeps the source's own
// line breaks outside the edited words (text-splice.ts).
function softBreaksToSpaces(nodes: JSONContent[], inCode = false): JSONContent[] {
  return nodes.map((node) => {
    if (node.type === "text" && !inCode && !node.marks?.some((m) => m.type === "code")) {
      return { ...node, text: (node.text ?? "").replace(/[ \t]*\n[ \t]*/g, " ") };
    }
    if (!node.content) return node;
    return { ...node, content: softBreaksToSpaces(node.content, inCode || node.type === "codeBlock") };
  });
}

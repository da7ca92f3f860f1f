import type { ParseEvent } from "@/lib/changes/parser";

// The §18 parser's case table. Expected events are in merged form (adjacent
// text joined); parser.test.ts feeds every input whole, at every split point
// and one character at a time, and expects these events each time.

export type ParserCase = { name: string; input: string; expected: ParseEvent[] };

const T = (text: string): ParseEvent => ({ type: "text", text });
const C = (index: number, original: string, proposed: string, reason = ""): ParseEvent => ({ type: "change", index, original, proposed, reason });
const M = (index: number, raw: string, reason: string): ParseEvent => ({ type: "malformed", index, raw, reason });

const block = (o: string, p: string, r = "One reason.") =>
  `<change>\n<original>\n${o}\n</original>\n<proposed>\n${p}\n</proposed>\n<reason>${r}</reason>\n</change>`;

export const parserCases: ParserCase[] = [
  // Plain prose and the basic shape
  { name: "empty reply", input: "", expected: [] },
  { name: "prose only", input: "Hello, world.\nSecond line.", expected: [T("Hello, world.\nSecond line.")] },
  { name: "one block between prose", input: `Here:\n\n${block("foo bar", "foo baz")}\n\nDone.`, expected: [T("Here:\n\n"), C(0, "foo bar", "foo baz", "One reason."), T("\n\nDone.")] },
  { name: "block alone", input: block("a", "b"), expected: [C(0, "a", "b", "One reason.")] },
  { name: "inline block on one line", input: "Try <change><original>x</original><proposed>y</proposed><reason>r</reason></change> now.", expected: [T("Try "), C(0, "x", "y", "r"), T(" now.")] },
  { name: "two blocks with prose between", input: `A ${block("1", "2")} B ${block("3", "4")} C`, expected: [T("A "), C(0, "1", "2", "One reason."), T(" B "), C(1, "3", "4", "One reason."), T(" C")] },
  { name: "two adjacent blocks", input: `${block("1", "2")}\n${block("3", "4")}`, expected: [C(0, "1", "2", "One reason."), T("\n"), C(1, "3", "4", "One reason.")] },
  { name: "children in another order", input: "<change><reason>r</reason><proposed>p</proposed><original>o</original></change>", expected: [C(0, "o", "p", "r")] },

  // Tag spelling tolerance
  { name: "upper-case tags", input: "<CHANGE><ORIGINAL>a</ORIGINAL><PROPOSED>b</PROPOSED><REASON>r</REASON></CHANGE>", expected: [C(0, "a", "b", "r")] },
  { name: "mixed-case tags", input: "<Change>\n<Original>a</oRiginal>\n<proposeD>b</Proposed>\n</chANGE>", expected: [C(0, "a", "b")] },
  { name: "attributes on <change>", input: '<change id="1" kind="edit">\n<original>a</original>\n<proposed>b</proposed>\n</change>', expected: [C(0, "a", "b")] },
  { name: "attributes on children", input: '<change><original lang="md">a</original><proposed n=2>b</proposed></change>', expected: [C(0, "a", "b")] },
  { name: "space before > in closing tags", input: "<change ><original>a</original ><proposed>b</proposed\n></change  >", expected: [C(0, "a", "b")] },
  { name: "extra blank lines around tags", input: "<change>\n\n\n<original>\na\n</original>\n\n\n<proposed>\nb\n</proposed>\n\n<reason>\n  r  \n</reason>\n\n</change>", expected: [C(0, "a", "b", "r")] },
  { name: "self-closing <proposed/> deletes", input: "<change><original>drop me</original><proposed/></change>", expected: [C(0, "drop me", "")] },
  { name: "empty <proposed> deletes", input: "<change>\n<original>\ndrop me\n</original>\n<proposed>\n</proposed>\n</change>", expected: [C(0, "drop me", "")] },

  // Missing pieces
  { name: "missing </reason> closed by </change>", input: "<change><original>a</original><proposed>b</proposed><reason>because\n</change>", expected: [C(0, "a", "b", "because")] },
  { name: "missing <reason>", input: "<change>\n<original>a</original>\n<proposed>b</proposed>\n</change>", expected: [C(0, "a", "b", "")] },
  { name: "reason without any closing tag ends at a blank line", input: "<change><original>a</original><proposed>b</proposed><reason>fine\n\nAfter.", expected: [C(0, "a", "b", "fine"), T("\n\nAfter.")] },
  { name: "forgotten </change> before prose", input: "<change><original>a</original><proposed>b</proposed><reason>r</reason>\nThen prose.", expected: [C(0, "a", "b", "r"), T("\nThen prose.")] },
  { name: "forgotten </change> at the end", input: "<change><original>a</original><proposed>b</proposed><reason>r</reason>\n", expected: [C(0, "a", "b", "r"), T("\n")] },
  { name: "forgotten </change> before the next block", input: "<change><original>a</original><proposed>b</proposed>\n<change><original>c</original><proposed>d</proposed></change>", expected: [C(0, "a", "b"), T("\n"), C(1, "c", "d")] },
  { name: "reason cut off by the end of the reply", input: "<change><original>a</original><proposed>b</proposed><reason>Because it", expected: [C(0, "a", "b", "Because it")] },

  // Malformed blocks: reported with their raw text, never breaking the message
  { name: "unterminated <original> at end", input: "Intro\n<change>\n<original>abc", expected: [T("Intro\n"), M(0, "<change>\n<original>abc", "unterminated <original>; missing <proposed>")] },
  { name: "unterminated <proposed> at end", input: "<change><original>a</original><proposed>half", expected: [M(0, "<change><original>a</original><proposed>half", "unterminated <proposed>")] },
  { name: "missing <original>", input: "<change><proposed>x</proposed><reason>r</reason></change> ok", expected: [M(0, "<change><proposed>x</proposed><reason>r</reason></change>", "missing <original>"), T(" ok")] },
  { name: "missing <proposed>", input: "<change><original>x</original></change>", expected: [M(0, "<change><original>x</original></change>", "missing <proposed>")] },
  { name: "duplicate <original>", input: "<change><original>a</original><original>b</original><proposed>c</proposed></change>", expected: [M(0, "<change><original>a</original><original>b</original><proposed>c</proposed></change>", "duplicate <original>")] },
  { name: "stray text inside an incomplete block", input: "<change><original>a</original>oops<proposed>b</proposed></change>", expected: [M(0, "<change><original>a</original>oops<proposed>b</proposed></change>", "text outside the child tags")] },
  { name: "incomplete block then a new block", input: "<change><reason>x</reason>\n<change><original>a</original><proposed>b</proposed></change>", expected: [M(0, "<change><reason>x</reason>", "missing <original>; missing <proposed>; missing </change>"), T("\n"), C(1, "a", "b")] },
  { name: "malformed between good blocks keeps indices", input: `${block("1", "2")}<change><original>x</original></change>${block("3", "4")}`, expected: [C(0, "1", "2", "One reason."), M(1, "<change><original>x</original></change>", "missing <proposed>"), C(2, "3", "4", "One reason.")] },

  // Protocol tags that start no block are dropped (never shown as prose); look-alikes stay
  { name: "<change> mentioned in prose", input: "Use a <change> block to edit.", expected: [T("Use a  block to edit.")] },
  { name: "<change> followed later by <original>", input: "A <change> then text <original>x</original>", expected: [T("A  then text x")] },
  { name: "<original> outside a block", input: "The <original> tag holds text.", expected: [T("The  tag holds text.")] },
  { name: "a stray </change> after a block", input: `${block("a", "b")}\n</change>\nThanks.`, expected: [C(0, "a", "b", "One reason."), T("\n\nThanks.")] },
  { name: "a stray </reason> line", input: "Done.\n</reason>\n", expected: [T("Done.\n\n")] },
  { name: "</change> in prose", input: "Close with </change> at the end.", expected: [T("Close with  at the end.")] },
  { name: "tags inside inline code", input: "Write `<change><original>x</original>` like this.", expected: [T("Write `<change><original>x</original>` like this.")] },
  { name: "similar tag names", input: "<changes><original>a</original> and <change-log><original>b</original>", expected: [T("<changes>a and <change-log>b")] },
  { name: "space after <", input: "< change><original>a</original><proposed>b</proposed></change>", expected: [T("< change>ab")] },
  { name: "comparison signs", input: "1 < 2, 3 <4 and a<b>c", expected: [T("1 < 2, 3 <4 and a<b>c")] },
  { name: "<change> then a closing child tag", input: "<change></original>", expected: [] },
  { name: "over-long opening tag is prose", input: `<change ${"x".repeat(300)}><original>a</original>`, expected: [T(`<change ${"x".repeat(300)}>a`)] },
  { name: "partial tag at the end", input: "Almost <chan", expected: [T("Almost <chan")] },
  { name: "<change> at the very end", input: "Trailing <change>\n  ", expected: [T("Trailing \n  ")] },
  { name: "self-closing <change/> is prose", input: "<change/><original>a</original>", expected: [T("a")] },

  // Content is verbatim
  { name: "exactly one newline stripped at each end", input: "<change><original>\n\nfoo\n\n</original><proposed>\nbar\n</proposed></change>", expected: [C(0, "\nfoo\n", "bar")] },
  { name: "inner whitespace kept", input: "<change><original>\n  indented\n\tline  \n</original><proposed>  x  </proposed></change>", expected: [C(0, "  indented\n\tline  ", "  x  ")] },
  { name: "closing tag indent stripped", input: "<change>\n  <original>\n  - item\n  </original>\n  <proposed>\n  - thing\n  </proposed>\n</change>", expected: [C(0, "  - item", "  - thing")] },
  { name: "CRLF line breaks", input: "<change>\r\n<original>\r\nfoo\r\n</original>\r\n<proposed>\r\nbar\r\n</proposed>\r\n</change>", expected: [C(0, "foo", "bar")] },
  { name: "markup and < inside original", input: "<change><original>a < b and <div>**x**</div></original><proposed>a &lt; b</proposed></change>", expected: [C(0, "a < b and <div>**x**</div>", "a &lt; b")] },
  { name: "protocol tags quoted inside original", input: "<change><original>Use <change> and </proposed> here</original><proposed>y</proposed></change>", expected: [C(0, "Use <change> and </proposed> here", "y")] },
  { name: "blank lines inside original", input: "<change><original>\npara one\n\npara two\n</original><proposed>\none\n</proposed></change>", expected: [C(0, "para one\n\npara two", "one")] },
  { name: "multi-line reason", input: "<change><original>a</original><proposed>b</proposed><reason>because\nof x</reason></change>", expected: [C(0, "a", "b", "because\nof x")] },
  { name: "markup inside reason", input: "<change><original>a</original><proposed>b</proposed><reason>uses <b>bold</b></reason></change>", expected: [C(0, "a", "b", "uses <b>bold</b>")] },
  { name: "unknown element after a complete block is prose", input: "<change><original>a</original><proposed>b</proposed><note>x</note></change>", expected: [C(0, "a", "b"), T("<note>x</note>")] },

  // Unicode
  { name: "emoji and surrogate pairs", input: "👍🏽 ok <change><original>café 👩‍💻</original><proposed>カフェ 🧑🏿‍🚀</proposed><reason>𝔘𝔫𝔦𝔠𝔬𝔡𝔢</reason></change> 🎉", expected: [T("👍🏽 ok "), C(0, "café 👩‍💻", "カフェ 🧑🏿‍🚀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"), T(" 🎉")] },
  { name: "combining marks kept as written", input: "e\u0301 <change><original>cafe\u0301</original><proposed>cafe\u0301s</proposed></change> n\u0303", expected: [T("e\u0301 "), C(0, "cafe\u0301", "cafe\u0301s"), T(" n\u0303")] },
  { name: "right-to-left text", input: "שלום <change><original>עולם</original><proposed>כולם</proposed></change>", expected: [T("שלום "), C(0, "עולם", "כולם")] },

  // Code fences around blocks
  { name: "```xml fence around a block", input: `Here:\n\`\`\`xml\n${block("a", "b")}\n\`\`\`\nAfter.`, expected: [T("Here:\n"), C(0, "a", "b", "One reason."), T("After.")] },
  { name: "bare ``` fence around a block", input: `\`\`\`\n${block("a", "b")}\n\`\`\``, expected: [C(0, "a", "b", "One reason.")] },
  { name: "~~~ fence around a block", input: `~~~html\n\n${block("a", "b")}\n\n~~~\nok`, expected: [C(0, "a", "b", "One reason."), T("ok")] },
  { name: "longer closing fence", input: `\`\`\`\`xml\n${block("a", "b")}\n\`\`\`\`\`\n`, expected: [C(0, "a", "b", "One reason.")] },
  { name: "two blocks inside one fence", input: `\`\`\`xml\n${block("a", "b")}\n\n${block("c", "d")}\n\`\`\`\nEnd.`, expected: [C(0, "a", "b", "One reason."), C(1, "c", "d", "One reason."), T("End.")] },
  { name: "indented fence", input: `Text\n   \`\`\`xml\n${block("a", "b")}\n   \`\`\`\n`, expected: [T("Text\n"), C(0, "a", "b", "One reason.")] },
  { name: "ordinary code block stays", input: "See:\n```ts\nconst a = 1 < 2;\n```\nok", expected: [T("See:\n```ts\nconst a = 1 < 2;\n```\nok")] },
  { name: "fence with a block and more prose inside", input: `\`\`\`xml\n${block("a", "b")}\nnote\n\`\`\``, expected: [C(0, "a", "b", "One reason."), T("\nnote\n```")] },
  { name: "unfenced block followed by a code block", input: `${block("a", "b")}\n\`\`\`js\nx()\n\`\`\``, expected: [C(0, "a", "b", "One reason."), T("\n```js\nx()\n```")] },
  { name: "mismatched closing fence is prose", input: `\`\`\`xml\n${block("a", "b")}\n~~~\n`, expected: [C(0, "a", "b", "One reason."), T("\n~~~\n")] },
];

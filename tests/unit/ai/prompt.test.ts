import { estimateTokens, selectRecentMessages } from "@/lib/ai/budget";
import { buildPrompt, PROTOCOL_RULES, type PromptInput } from "@/lib/ai/prompt";
import { findPassage, scopeDocument } from "@/lib/ai/scope";
import { findEnclosingSection, listHeadings } from "@/lib/ai/sections";
import { parseChangeReply } from "@/lib/changes/parser";

// §18 Context: what the model sees.

const doc = "# Caching\n\nWe cache tokens.\n\n## Eviction\n\nLRU with a TTL.\n\n## Open questions\n\nWho owns it?\n";

const base: PromptInput = {
  rfc: { title: "Token cache", state: "draft" },
  branch: "alice/eviction",
  document: doc,
  messages: [{ role: "user", author: "alice", content: "@ai tighten the eviction section" }],
  contextTokens: 24000,
};

describe("buildPrompt", () => {
  it("holds title, state, branch, the whole document, the protocol and the trust rule", () => {
    const p = buildPrompt(base);
    expect(p.system).toContain('RFC: "Token cache" (state: draft). Branch: alice/eviction.');
    expect(p.system).toContain(`<<<DOCUMENT\n${doc}\nDOCUMENT>>>`);
    expect(p.system).toContain(PROTOCOL_RULES);
    expect(p.system).toMatch(/untrusted text/);
    expect(p.system).toMatch(/You only propose/);
    expect(p.scope).toBe("full");
    expect(p.messages).toEqual([{ role: "user", content: "alice: @ai tighten the eviction section" }]);
  });

  it("teaches a block shape that the parser reads", () => {
    const example = PROTOCOL_RULES.slice(PROTOCOL_RULES.indexOf("<change>"), PROTOCOL_RULES.indexOf("</change>") + 9);
    expect(parseChangeReply(example)).toEqual([
      { type: "change", index: 0, original: "exact text currently in the document", proposed: "replacement text", reason: "one sentence" },
    ]);
  });

  it("includes the sub-thread's passage and scopes proposals to it", () => {
    const p = buildPrompt({ ...base, passage: { text: "LRU with a TTL." } });
    expect(p.system).toContain("<<<PASSAGE\nLRU with a TTL.\nPASSAGE>>>");
    expect(p.system).toContain("Keep your proposals inside this passage");
    expect(buildPrompt({ ...base, passage: { text: "gone text" } }).system).toContain("detached");
  });

  it("turns system events into notes and keeps the AI's own turns", () => {
    const p = buildPrompt({
      ...base,
      messages: [
        { role: "user", author: "bob", content: "hi" },
        { role: "assistant", content: "Hello." },
        { role: "system", content: "bob changed the document (+2 −1 lines)" },
        { role: "user", author: "alice", content: "@ai again" },
      ],
    });
    expect(p.messages).toEqual([
      { role: "user", content: "bob: hi" },
      { role: "assistant", content: "Hello." },
      { role: "user", content: "[Note from Quorum: bob changed the document (+2 −1 lines)]" },
      { role: "user", content: "alice: @ai again" },
    ]);
  });

  it("keeps only the newest messages that fit the budget", () => {
    const messages = Array.from({ length: 200 }, (_, i) => ({ role: "user" as const, author: "a", content: `message ${i} ${"x".repeat(400)}` }));
    const p = buildPrompt({ ...base, messages, contextTokens: 8000 });
    expect(p.omittedMessages).toBeGreaterThan(0);
    expect(p.messages.length + p.omittedMessages).toBe(200);
    expect(p.messages[p.messages.length - 1].content).toContain("message 199 ");
    const total = estimateTokens(p.system) + p.messages.reduce((n, m) => n + estimateTokens(String(m.content)) + 4, 0);
    expect(total).toBeLessThanOrEqual(8000 - 2000);
  });
});

describe("selectRecentMessages", () => {
  const m = (content: string) => ({ content });
  it("keeps a contiguous newest run, oldest first", () => {
    expect(selectRecentMessages([m("a".repeat(40)), m("b".repeat(40)), m("c".repeat(40))], 30)).toEqual([m("b".repeat(40)), m("c".repeat(40))]);
  });
  it("always keeps the newest message", () => {
    expect(selectRecentMessages([m("old"), m("y".repeat(1000))], 10)).toEqual([m("y".repeat(1000))]);
    expect(selectRecentMessages([], 10)).toEqual([]);
  });
});

describe("document scope for long documents", () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i} of filler text that goes on.`).join("\n");
  const long = `# RFC\n\nIntro.\n\n## Alpha\n\n${filler(400)}\n\n## Beta\n\nThe passage is here.\n\n### Beta detail\n\nMore beta.\n\n## Gamma\n\n${filler(400)}\n`;

  it("sends only the passage's section (with its subsections)", () => {
    const scope = scopeDocument(long, { text: "The passage is here." }, 2000);
    expect(scope.kind).toBe("section");
    expect(scope.text).toBe("## Beta\n\nThe passage is here.\n\n### Beta detail\n\nMore beta.\n\n");
    expect(scope.note).toContain('"Beta"');
  });

  it("sends a window around the passage when its section is itself too long", () => {
    const text = `## Only\n\n${filler(300)}\nNEEDLE sentence.\n${filler(300)}`;
    const scope = scopeDocument(text, { text: "NEEDLE sentence." }, 500);
    expect(scope.kind).toBe("excerpt");
    expect(scope.text).toContain("NEEDLE sentence.");
    expect(estimateTokens(scope.text)).toBeLessThanOrEqual(500);
  });

  it("sends the beginning and an outline when there is no passage", () => {
    const scope = scopeDocument(long, null, 1000);
    expect(scope.kind).toBe("truncated");
    expect(long.startsWith(scope.text)).toBe(true);
    expect(scope.note).toContain("- RFC\n  - Alpha\n  - Beta\n    - Beta detail\n  - Gamma");
  });

  it("sends the whole document when it fits", () => {
    expect(scopeDocument(doc, null, 1000)).toMatchObject({ kind: "full", text: doc, note: "" });
  });
});

describe("sections and passages", () => {
  it("ignores # lines inside code fences", () => {
    const text = "# A\n```sh\n# not a heading\n```\n## B\n";
    expect(listHeadings(text).map((h) => h.title)).toEqual(["A", "B"]);
  });

  it("finds the enclosing section, or the preamble before the first heading", () => {
    expect(findEnclosingSection(doc, doc.indexOf("LRU"))).toMatchObject({ start: doc.indexOf("## Eviction"), end: doc.indexOf("## Open") });
    expect(findEnclosingSection("pre\n# H\n", 1)).toEqual({ start: 0, end: 4, heading: null });
  });

  it("uses the anchor's context to pick between repeated passages", () => {
    const text = "Intro: see above.\n\nLater: see above.";
    expect(findPassage(text, { text: "see above.", before: "Later: " })).toBe(text.lastIndexOf("see above."));
    expect(findPassage(text, { text: "see above." })).toBeNull();
  });
});

import { AI_DISABLED_REASON, AiConfigError, parseAiSettings } from "@/lib/ai/models";
import { findModel, getLanguageModel, setLanguageModelOverride } from "@/lib/ai/providers";
import { AppError } from "@/lib/http/errors";
import { MockLanguageModelV3 } from "ai/test";
import { problemsOf } from "@/tests/helpers/problems";

// §18 Providers and AI_MODELS.

const aiProblems = (env: Record<string, string>) => problemsOf(() => parseAiSettings(env), AiConfigError);

describe("parseAiSettings", () => {
  it("is disabled, with a reason naming the variables, when nothing is configured", () => {
    expect(parseAiSettings({})).toEqual({ enabled: false, reason: AI_DISABLED_REASON });
    expect(parseAiSettings({ OPENAI_API_KEY: "", AI_MODELS: "" })).toEqual({ enabled: false, reason: AI_DISABLED_REASON });
    expect(AI_DISABLED_REASON).toMatch(/OPENAI_API_KEY.*ANTHROPIC_API_KEY.*AI_COMPAT_BASE_URL/);
  });

  it("reads three providers and a model list; the first model is the default", () => {
    const s = parseAiSettings({
      OPENAI_API_KEY: "sk-1",
      AI_COMPAT_BASE_URL: "http://localhost:11434/v1",
      AI_COMPAT_NAME: "ollama",
      ANTHROPIC_API_KEY: "ak-1",
      AI_MODELS: "openai:gpt-4o-mini, compat:llama3.1:8b ,anthropic:claude-sonnet-4-5",
    });
    expect(s).toMatchObject({
      enabled: true,
      defaultModelId: "openai:gpt-4o-mini",
      contextTokens: 24000,
      providers: {
        openai: { apiKey: "sk-1" },
        compat: { baseURL: "http://localhost:11434/v1", name: "ollama" },
        anthropic: { apiKey: "ak-1" },
      },
    });
    expect(s.enabled && s.models).toEqual([
      { id: "openai:gpt-4o-mini", provider: "openai", model: "gpt-4o-mini", providerLabel: "OpenAI" },
      { id: "compat:llama3.1:8b", provider: "compat", model: "llama3.1:8b", providerLabel: "ollama" },
      { id: "anthropic:claude-sonnet-4-5", provider: "anthropic", model: "claude-sonnet-4-5", providerLabel: "Anthropic" },
    ]);
  });

  it.each([
    ["a trailing *", "openai:a,openai:b*", undefined, "openai:b"],
    ["a leading *", "openai:a,*openai:b", undefined, "openai:b"],
    ["AI_DEFAULT_MODEL over *", "openai:a,openai:b*", "openai:a", "openai:a"],
  ])("marks the default with %s", (_label, models, defaultModel, expected) => {
    const env: Record<string, string> = { OPENAI_API_KEY: "k", AI_MODELS: models };
    if (defaultModel) env.AI_DEFAULT_MODEL = defaultModel;
    expect(parseAiSettings(env)).toMatchObject({ enabled: true, defaultModelId: expected });
  });

  it("falls back to a sensible model per provider when AI_MODELS is empty", () => {
    const s = parseAiSettings({ OPENAI_API_KEY: "k", ANTHROPIC_API_KEY: "a" });
    expect(s.enabled && s.models.map((m) => m.id)).toEqual(["openai:gpt-4o-mini", "anthropic:claude-sonnet-4-5"]);
    expect(parseAiSettings({ AI_COMPAT_BASE_URL: "http://h/v1", AI_DEFAULT_MODEL: "compat:qwen" })).toMatchObject({ defaultModelId: "compat:qwen" });
  });

  it.each([
    [{ AI_MODELS: "openai:gpt-4o" }, "AI_MODELS lists openai:gpt-4o but OPENAI_API_KEY is not set"],
    [{ OPENAI_API_KEY: "k", AI_MODELS: "gpt-4o" }, 'AI_MODELS: "gpt-4o" is not provider:model'],
    [{ OPENAI_API_KEY: "k", AI_MODELS: "google:gemini" }, 'AI_MODELS: "google:gemini" is not provider:model'],
    [{ OPENAI_API_KEY: "k", AI_MODELS: "openai:" }, 'AI_MODELS: "openai:" is not provider:model'],
    [{ OPENAI_API_KEY: "k", AI_MODELS: "openai:a,openai:a" }, "AI_MODELS lists openai:a twice"],
    [{ OPENAI_API_KEY: "k", AI_MODELS: "*openai:a,openai:b*" }, "AI_MODELS marks 2 models as default"],
    [{ OPENAI_API_KEY: "k", AI_MODELS: "openai:a", AI_DEFAULT_MODEL: "openai:b" }, "AI_DEFAULT_MODEL openai:b is not one of AI_MODELS"],
    [{ OPENAI_API_KEY: "k", AI_MODELS: " , " }, "AI_MODELS lists no models"],
    [{ AI_COMPAT_BASE_URL: "http://h/v1" }, "AI_MODELS is missing"],
    [{ AI_COMPAT_BASE_URL: "localhost:11434" }, "AI_COMPAT_BASE_URL must be an http(s) URL"],
    [{ OPENAI_BASE_URL: "https://proxy/v1" }, "OPENAI_BASE_URL is set but OPENAI_API_KEY is missing"],
    [{ AI_COMPAT_API_KEY: "x" }, "AI_COMPAT_API_KEY is set but AI_COMPAT_BASE_URL is missing"],
    [{ OPENAI_API_KEY: "k", AI_CONTEXT_TOKENS: "lots" }, "AI_CONTEXT_TOKENS"],
    [{ OPENAI_API_KEY: "k", AI_CONTEXT_TOKENS: "100" }, "AI_CONTEXT_TOKENS must be at least 2000"],
  ])("rejects %j with a message naming the variable", (env, message) => {
    const problems = aiProblems(env as Record<string, string>);
    expect(problems.join("\n")).toContain(message);
  });
});

describe("providers", () => {
  const settings = parseAiSettings({ OPENAI_API_KEY: "k", AI_COMPAT_BASE_URL: "http://h/v1", AI_MODELS: "openai:gpt-4o-mini,compat:llama3.1" });
  afterEach(() => setLanguageModelOverride(null));

  it("builds a chat model for each provider", () => {
    const openai = getLanguageModel("openai:gpt-4o-mini", settings);
    expect([openai.provider, openai.modelId]).toEqual(["openai.chat", "gpt-4o-mini"]);
    const compat = getLanguageModel("compat:llama3.1", settings);
    expect([compat.provider, compat.modelId]).toEqual(["compat.chat", "llama3.1"]);
    const anthropic = getLanguageModel("anthropic:claude-sonnet-4-5", parseAiSettings({ ANTHROPIC_API_KEY: "a" }));
    expect([anthropic.provider, anthropic.modelId]).toEqual(["anthropic.messages", "claude-sonnet-4-5"]);
  });

  it("refuses unknown models and a disabled AI", () => {
    expect(() => getLanguageModel("openai:gpt-5", settings)).toThrow(AppError);
    expect(() => getLanguageModel("openai:gpt-4o-mini", parseAiSettings({}))).toThrow(AI_DISABLED_REASON);
    expect(findModel(settings, null).id).toBe("openai:gpt-4o-mini");
  });

  it("lets tests inject a mock model", () => {
    const mock = new MockLanguageModelV3({ modelId: "mock" });
    setLanguageModelOverride(() => mock);
    expect(getLanguageModel("anything", parseAiSettings({}))).toBe(mock);
  });
});

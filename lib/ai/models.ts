import { z } from "zod";

// §18 Providers: the AI settings, parsed from an env-shaped object (lib/config.ts
// passes process.env). With no provider configured the AI is off and says why;
// human chat works regardless. A malformed value stops start-up with one
// message naming the variable.
//
//   OPENAI_API_KEY, OPENAI_BASE_URL?             OpenAI (chat completions API)
//   AI_COMPAT_BASE_URL, AI_COMPAT_API_KEY?,      any OpenAI-compatible server:
//   AI_COMPAT_NAME? (default "compat")           Ollama, vLLM, LM Studio, …
//   ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL?       Anthropic
//   AI_MODELS        openai:gpt-4o-mini,compat:llama3.1:8b*,anthropic:claude-sonnet-4-5
//                    (`*` before or after an entry marks the default; else the first)
//   AI_DEFAULT_MODEL optional, one of AI_MODELS (wins over `*`)
//   AI_CONTEXT_TOKENS prompt budget in tokens (default 24000)
//   AI_IDLE_TIMEOUT_S a reply that sends nothing for this long fails (default 60)
//   AI_TIMEOUT_S     the cap on a whole reply, generous so a long answer from a
//                    slow model completes (default 900)
//   AI_RATE_PER_MIN  AI requests per user per minute (default 10)

export const aiProviders = ["openai", "compat", "anthropic"] as const;
export type AiProviderId = (typeof aiProviders)[number];

export type AiModel = { id: string; provider: AiProviderId; model: string; providerLabel: string };

export type AiProviderSettings = {
  openai?: { apiKey: string; baseURL?: string };
  compat?: { baseURL: string; apiKey?: string; name: string };
  anthropic?: { apiKey: string; baseURL?: string };
};

export type AiSettings =
  | { enabled: false; reason: string }
  | {
      enabled: true;
      models: AiModel[];
      defaultModelId: string;
      contextTokens: number;
      /** No chunk for this long ends the reply (issue 15 item 5). */
      idleTimeoutS: number;
      /** The cap on a whole reply. */
      timeoutS: number;
      ratePerMinute: number;
      providers: AiProviderSettings;
    };

export class AiConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`AI configuration error: ${problems.join("; ")}`);
    this.name = "AiConfigError";
  }
}

/** For admins and the server log: what to set. Never shown to other users (lib/ai/status.ts). */
export const AI_DISABLED_REASON =
  "No AI provider is configured: set OPENAI_API_KEY, ANTHROPIC_API_KEY or AI_COMPAT_BASE_URL (and AI_MODELS) to enable the AI participant.";

/** What everyone else reads when the AI is off: who can turn it on, not how. */
export const AI_OFF_FOR_USERS = "The AI participant is not set up on this server. Ask an admin to set it up.";

// Used when AI_MODELS is empty: a compat server's models cannot be guessed.
const FALLBACK_MODELS: Partial<Record<AiProviderId, string>> = { openai: "gpt-4o-mini", anthropic: "claude-sonnet-4-5" };

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const url = z.url("must be an http(s) URL").refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL");

const schema = z.object({
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(url),
  AI_COMPAT_BASE_URL: optional(url),
  AI_COMPAT_API_KEY: optional(z.string()),
  AI_COMPAT_NAME: optional(z.string().regex(/^[A-Za-z0-9 ._-]+$/, "may use letters, digits, spaces, . _ -")),
  ANTHROPIC_API_KEY: optional(z.string()),
  ANTHROPIC_BASE_URL: optional(url),
  AI_MODELS: optional(z.string()),
  AI_DEFAULT_MODEL: optional(z.string()),
  AI_CONTEXT_TOKENS: optional(z.coerce.number().int("must be a whole number").min(2000, "must be at least 2000")),
  AI_IDLE_TIMEOUT_S: optional(z.coerce.number().positive("must be a positive number of seconds")),
  AI_TIMEOUT_S: optional(z.coerce.number().positive("must be a positive number of seconds")),
  AI_RATE_PER_MIN: optional(z.coerce.number().int("must be a whole number").min(1, "must be at least 1")),
});

type Entry = { model: AiModel; starred: boolean };

function parseModelList(value: string, variable: string, problems: string[], labels: Record<AiProviderId, string>): Entry[] {
  const entries: Entry[] = [];
  for (const raw of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const starred = raw.startsWith("*") || raw.endsWith("*");
    const id = raw.replace(/^\*|\*$/g, "").trim();
    const colon = id.indexOf(":"); // only the first: Ollama tags have colons ("llama3.1:8b")
    const provider = id.slice(0, colon) as AiProviderId;
    const model = id.slice(colon + 1).trim();
    if (colon < 0 || !aiProviders.includes(provider) || model === "") {
      problems.push(`${variable}: "${raw}" is not provider:model with provider one of ${aiProviders.join(", ")}`);
      continue;
    }
    entries.push({ model: { id: `${provider}:${model}`, provider, model, providerLabel: labels[provider] }, starred });
  }
  return entries;
}

export function parseAiSettings(env: Record<string, string | undefined>): AiSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new AiConfigError(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  const e = parsed.data;
  const problems: string[] = [];

  const providers: AiProviderSettings = {};
  if (e.OPENAI_API_KEY) providers.openai = { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL };
  else if (e.OPENAI_BASE_URL) problems.push("OPENAI_BASE_URL is set but OPENAI_API_KEY is missing");
  if (e.AI_COMPAT_BASE_URL) providers.compat = { baseURL: e.AI_COMPAT_BASE_URL, apiKey: e.AI_COMPAT_API_KEY, name: e.AI_COMPAT_NAME ?? "compat" };
  else if (e.AI_COMPAT_API_KEY) problems.push("AI_COMPAT_API_KEY is set but AI_COMPAT_BASE_URL is missing");
  if (e.ANTHROPIC_API_KEY) providers.anthropic = { apiKey: e.ANTHROPIC_API_KEY, baseURL: e.ANTHROPIC_BASE_URL };
  else if (e.ANTHROPIC_BASE_URL) problems.push("ANTHROPIC_BASE_URL is set but ANTHROPIC_API_KEY is missing");

  const configured = aiProviders.filter((p) => providers[p]);
  if (configured.length === 0 && !e.AI_MODELS && !e.AI_DEFAULT_MODEL && problems.length === 0) {
    return { enabled: false, reason: AI_DISABLED_REASON };
  }

  const labels: Record<AiProviderId, string> = { openai: "OpenAI", compat: providers.compat?.name ?? "compat", anthropic: "Anthropic" };
  let entries = e.AI_MODELS ? parseModelList(e.AI_MODELS, "AI_MODELS", problems, labels) : [];
  if (!e.AI_MODELS && e.AI_DEFAULT_MODEL) entries = parseModelList(e.AI_DEFAULT_MODEL, "AI_DEFAULT_MODEL", problems, labels);
  if (!e.AI_MODELS && !e.AI_DEFAULT_MODEL) {
    const fallback = configured.filter((p) => FALLBACK_MODELS[p]).map((p) => `${p}:${FALLBACK_MODELS[p]}`);
    if (fallback.length === 0) problems.push("AI_MODELS is missing: list the server's models, e.g. AI_MODELS=compat:llama3.1");
    entries = parseModelList(fallback.join(","), "AI_MODELS", problems, labels);
  }

  if (entries.length === 0 && problems.length === 0) problems.push("AI_MODELS lists no models");
  const needs: Record<AiProviderId, string> = { openai: "OPENAI_API_KEY", compat: "AI_COMPAT_BASE_URL", anthropic: "ANTHROPIC_API_KEY" };
  const seen = new Set<string>();
  for (const { model } of entries) {
    if (!providers[model.provider]) problems.push(`AI_MODELS lists ${model.id} but ${needs[model.provider]} is not set`);
    if (seen.has(model.id)) problems.push(`AI_MODELS lists ${model.id} twice`);
    seen.add(model.id);
  }
  const starred = entries.filter((x) => x.starred);
  if (starred.length > 1) problems.push(`AI_MODELS marks ${starred.length} models as default with *; mark one`);
  const defaultModelId = e.AI_DEFAULT_MODEL?.replace(/^\*|\*$/g, "").trim() ?? starred[0]?.model.id ?? entries[0]?.model.id;
  if (defaultModelId && !seen.has(defaultModelId)) problems.push(`AI_DEFAULT_MODEL ${defaultModelId} is not one of AI_MODELS`);
  if (problems.length > 0 || !defaultModelId) throw new AiConfigError(problems);

  const models = entries.map((x) => x.model);
  return {
    enabled: true,
    models,
    defaultModelId,
    contextTokens: e.AI_CONTEXT_TOKENS ?? 24_000,
    idleTimeoutS: e.AI_IDLE_TIMEOUT_S ?? 60,
    timeoutS: e.AI_TIMEOUT_S ?? 900,
    ratePerMinute: e.AI_RATE_PER_MIN ?? 10,
    providers,
  };
}

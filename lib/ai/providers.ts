import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { AppError } from "@/lib/http/errors";
import type { AiModel, AiSettings } from "./models";

// §18 Providers: model ids ("compat:llama3.1") → `ai` SDK language models.
// The protocol is plain text, so every provider is used through its chat API:
// OpenAI through chat completions (which OpenAI and every OpenAI-style gateway
// serve), compatible servers through @ai-sdk/openai-compatible, Anthropic
// through its messages API.

export type ResolvedModel = Exclude<LanguageModel, string>;
export type LanguageModelOverride = (modelId: string) => ResolvedModel;

// The only test seam: tests inject a MockLanguageModelV3 here while every
// other part (prompt, parser, routes, database) stays real.
let override: LanguageModelOverride | null = null;

export function setLanguageModelOverride(fn: LanguageModelOverride | null): void {
  override = fn;
}

export function hasLanguageModelOverride(): boolean {
  return override !== null;
}

/** The offered model with this id, or the default one when `modelId` is empty. */
export function findModel(settings: AiSettings, modelId?: string | null): AiModel {
  if (!settings.enabled) throw new AppError("bad_request", settings.reason);
  const id = modelId || settings.defaultModelId;
  const model = settings.models.find((m) => m.id === id);
  if (!model) throw new AppError("bad_request", `Unknown AI model "${id}"; offered: ${settings.models.map((m) => m.id).join(", ")}`);
  return model;
}

function need<T>(value: T | undefined, variable: string): T {
  // parseAiSettings never offers a model whose provider is missing; this guards hand-built settings.
  if (value === undefined) throw new AppError("internal", `AI provider not configured: ${variable}`);
  return value;
}

export function getLanguageModel(modelId: string, settings: AiSettings): ResolvedModel {
  if (override) return override(modelId);
  if (!settings.enabled) throw new AppError("bad_request", settings.reason);
  const model = findModel(settings, modelId);
  const { providers } = settings;
  switch (model.provider) {
    case "openai": {
      const p = need(providers.openai, "OPENAI_API_KEY");
      return createOpenAI({ apiKey: p.apiKey, baseURL: p.baseURL }).chat(model.model);
    }
    case "compat": {
      const p = need(providers.compat, "AI_COMPAT_BASE_URL");
      return createOpenAICompatible({ name: p.name, baseURL: p.baseURL, apiKey: p.apiKey }).chatModel(model.model);
    }
    case "anthropic": {
      const p = need(providers.anthropic, "ANTHROPIC_API_KEY");
      return createAnthropic({ apiKey: p.apiKey, baseURL: p.baseURL }).languageModel(model.model);
    }
  }
}

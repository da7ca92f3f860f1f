"use client";

import { BTN } from "@/components/rfc/styles";
import { Tip } from "@/components/ui/tip";
import type { AiStatus } from "@/lib/contracts";

// §8.4 / §18 the "Ask AI" half of the composer: the button and the model
// picker (the models AI_MODELS offers, decided with the page). With no provider
// the button stays in place, disabled, and the reason is written out beside
// it — a tooltip alone is not a visible explanation.

type Props = {
  ai: AiStatus;
  /** The chosen model id; null means the server's default. */
  model: string | null;
  onModel: (id: string) => void;
  onAsk: () => void;
  /** Nothing to send yet, or a send in flight. */
  disabled: boolean;
};

export function AskAiBar({ ai, model, onModel, onAsk, disabled }: Props) {
  const chosen = model ?? ai.defaultModelId ?? ai.models[0]?.id ?? "";
  return (
    <>
      <Tip text={ai.enabled ? "Send and ask the AI to reply (Ctrl+Enter)" : null}>
        <button
          type="button"
          className={`${BTN.secondary} border-violet-300 text-violet-800 hover:bg-violet-50`}
          disabled={!ai.enabled || disabled}
          onClick={onAsk}
          aria-describedby={ai.enabled ? undefined : "ask-ai-off"}
        >
          <span aria-hidden className="text-[11px] font-bold">AI</span>
          Ask AI
        </button>
      </Tip>
      {ai.enabled ? (
        ai.models.length > 1 ? (
          <select
            aria-label="AI model"
            value={chosen}
            onChange={(e) => onModel(e.target.value)}
            className="max-w-[12rem] truncate rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 focus:border-violet-500 focus:outline-none"
          >
            {ai.models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        ) : (
          <span className="truncate text-xs text-slate-500" title="The model that will answer">
            {ai.models[0]?.label ?? chosen}
          </span>
        )
      ) : (
        <p id="ask-ai-off" className="basis-full text-xs text-slate-500">
          <span className="font-medium text-slate-600">AI is off.</span> {ai.reason} People can still chat.
          {ai.setup ? <span className="mt-0.5 block text-slate-600">For admins: {ai.setup}</span> : null}
        </p>
      )}
    </>
  );
}

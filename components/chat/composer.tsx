"use client";

import { useState, type RefObject } from "react";
import { BTN, KBD } from "@/components/rfc/styles";
import { AskAiBar } from "./ask-ai-bar";
import type { AiStatus } from "@/lib/contracts";

// The chat input (§8.4): Enter posts, Shift+Enter is a new line. "Ask AI"
// sends the message to the AI too; with no provider it is disabled and says
// why (§18) — the AskAiBar, with the model picker. Ctrl/Cmd+Enter asks the AI.

type Props = {
  onSend: (body: string, askAi: boolean, model: string | null) => Promise<string | null>;
  ai: AiStatus;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
  placeholder?: string;
};

export function Composer({ onSend, ai, inputRef, placeholder = "Write a message…" }: Props) {
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [model, setModel] = useState<string | null>(ai.defaultModelId);

  const send = async (askAi: boolean) => {
    const text = body.trim();
    if (!text || busy) return;
    setBusy(true);
    setError(null);
    const failed = await onSend(text, askAi && ai.enabled, model ?? ai.defaultModelId);
    setBusy(false);
    if (failed) setError(failed); // the text stays in the box
    else setBody("");
  };

  return (
    <form
      className="border-t border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void send(false);
      }}
    >
      <label htmlFor="chat-input" className="sr-only">
        Message
      </label>
      <textarea
        id="chat-input"
        ref={inputRef}
        rows={2}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void send((e.ctrlKey || e.metaKey) && ai.enabled);
          }
        }}
        placeholder={placeholder}
        className="block max-h-40 min-h-[2.75rem] w-full resize-y rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
      />
      {error ? (
        <p role="alert" className="mt-1 text-xs text-rose-700">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button type="submit" className={BTN.primary} disabled={busy || !body.trim()}>
          {busy ? "Sending…" : "Send"}
        </button>
        <AskAiBar ai={ai} model={model} onModel={setModel} onAsk={() => void send(true)} disabled={busy || !body.trim()} />
        <span className="ml-auto hidden text-[11px] text-slate-500 xl:inline">
          <kbd className={KBD}>Enter</kbd> send · <kbd className={KBD}>Shift</kbd>+<kbd className={KBD}>Enter</kbd> new line
          {ai.enabled ? (
            <>
              {" "}· <kbd className={KBD}>Ctrl</kbd>+<kbd className={KBD}>Enter</kbd> ask AI
            </>
          ) : null}
        </span>
      </div>
    </form>
  );
}

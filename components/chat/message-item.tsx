"use client";

import { useMemo, useState } from "react";
import { renderChatMarkdown } from "@/lib/rfc-view/markdown-render";
import type { Change, Message } from "@/lib/contracts";
import { PROSE_SM } from "@/components/rfc/styles";
import { Html } from "@/components/ui/html";
import { AiReplyBody } from "./ai-reply-body";
import { failureNote, fullTime, timeAgo } from "./format";
import { PersonAvatar } from "./person-avatar";

// One message (§8.4): people and the AI in bubbles, system notes (e.g. "Alice
// changed Motivation (+3 −1 lines)", §8.11) as a quiet centred line.

type Props = {
  message: Message;
  highlighted: boolean;
  onFlag?: (m: Message) => void;
  changes?: Change[];
  /** Ends a streaming AI reply early (issue 14); resolves to an error to show, or null. */
  onStop?: () => Promise<string | null>;
};

export function MessageItem({ message: m, highlighted, onFlag, changes, onStop }: Props) {
  const html = useMemo(() => (m.authorKind === "user" ? renderChatMarkdown(m.body) : ""), [m.body, m.authorKind]);
  const ring = highlighted ? "ring-2 ring-amber-300" : "";
  if (m.authorKind === "system") {
    return (
      <li id={`message-${m.id}`} data-kind="system" className={`flex justify-center px-1 py-1 ${ring}`}>
        <span className="max-w-[92%] rounded-full bg-slate-100 px-3 py-1 text-center text-xs text-slate-600">
          {m.body} <time dateTime={m.createdAt} title={fullTime(m.createdAt)}>· {timeAgo(m.createdAt)}</time>
        </span>
      </li>
    );
  }
  const ai = m.authorKind === "ai";
  const name = ai ? "AI" : (m.author?.name ?? "Someone");
  return (
    <li id={`message-${m.id}`} data-kind={m.authorKind} className={`group relative flex gap-2 rounded-md px-1 py-1.5 ${ring}`}>
      {ai ? (
        <span aria-hidden className="grid h-7 w-7 shrink-0 place-items-center rounded-full bg-violet-100 text-[11px] font-bold text-violet-700">AI</span>
      ) : (
        <PersonAvatar name={name} src={m.author?.avatarUrl} />
      )}
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2 text-xs">
          <span className="font-semibold text-slate-900">{name}</span>
          {ai && m.modelId ? <span className="truncate text-violet-700">{m.modelId}</span> : null}
          {!ai && m.author ? <span className="truncate text-slate-500">@{m.author.login}</span> : null}
          <time dateTime={m.createdAt} title={fullTime(m.createdAt)} className="ml-auto shrink-0 text-slate-500">
            {timeAgo(m.createdAt)}
          </time>
        </div>
        <div className={`mt-0.5 rounded-lg px-3 py-2 ${ai ? "bg-violet-50 ring-1 ring-violet-100" : "bg-white ring-1 ring-slate-200"}`}>
          {ai ? (
            // §18: prose with a placeholder where each change block stood, and a typing indicator.
            <AiReplyBody message={m} changes={changes} />
          ) : m.body ? (
            <Html className={PROSE_SM} html={html} />
          ) : null}
          {m.status === "failed" ? <p className="mt-1 text-xs text-rose-700">{failureNote(m.error)}</p> : null}
          {ai ? <StopControl message={m} onStop={onStop} /> : null}
        </div>
      </div>
      {onFlag ? (
        <button
          type="button"
          onClick={() => onFlag(m)}
          className="absolute right-1 top-6 rounded bg-white/90 px-1.5 py-0.5 text-[11px] text-slate-500 opacity-0 ring-1 ring-slate-200 hover:text-rose-700 focus:opacity-100 group-hover:opacity-100"
          aria-label={`Flag message from ${name}`}
        >
          Flag
        </button>
      ) : null}
    </li>
  );
}

type Stopped = { login?: string; name?: string };

/** Stop on a streaming reply for its asker and the RFC's owners; "Stopped by …" once it was. */
function StopControl({ message: m, onStop }: { message: Message; onStop?: () => Promise<string | null> }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const stopped = (m.details?.stoppedBy ?? null) as Stopped | null;
  if (stopped && m.status !== "streaming") return <p className="mt-1 text-xs italic text-slate-500">Stopped by {stopped.name ?? stopped.login}.</p>;
  if (m.status !== "streaming" || !onStop) return null;
  const stop = async () => {
    setState({ busy: true, error: null });
    const error = await onStop();
    setState({ busy: !error, error });
  };
  return (
    <div className="mt-1 flex items-center gap-2">
      <button type="button" onClick={() => void stop()} disabled={state.busy} className="rounded border border-violet-300 bg-white px-2 py-0.5 text-xs font-medium text-violet-800 hover:bg-violet-50 disabled:opacity-60">
        {state.busy ? "Stopping…" : "Stop"}
      </button>
      {state.error ? <span role="alert" className="text-xs text-rose-700">{state.error}</span> : null}
    </div>
  );
}

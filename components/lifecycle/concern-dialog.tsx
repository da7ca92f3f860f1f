"use client";

import { useState } from "react";
import { FormDialog, TextField, type FieldErrors } from "./form-dialog";
import type { Act } from "./use-lifecycle";

/** An arbiter's concern: it blocks the motion (and pauses a running period) until its author resolves it. */
export function ConcernDialog({ act, onClose }: { act: Act; onClose: () => void }) {
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <FormDialog
      title="Raise a concern"
      submit="Raise the concern"
      onClose={onClose}
      onFieldErrors={setErrors}
      onSubmit={async () => {
        const res = await act("/motion/concerns", { title, text });
        return res.ok ? null : res;
      }}
    >
      <p className="text-sm text-slate-700">The motion waits until you resolve your concern. A running final comment period pauses meanwhile.</p>
      <TextField id="concern-title" label="Concern" value={title} onChange={setTitle} error={errors.title} autoFocus placeholder="e.g. Migration path for v1 clients" />
      <TextField id="concern-text" label="Details" value={text} onChange={setText} error={errors.text} multiline rows={4} hint="What worries you, and what would resolve it." />
    </FormDialog>
  );
}

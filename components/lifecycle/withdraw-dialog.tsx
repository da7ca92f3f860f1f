"use client";

import { useState } from "react";
import { FormDialog, TextField, type FieldErrors } from "./form-dialog";
import type { Act } from "./use-lifecycle";

/** §3 state 5: withdraw with a reason; an active RFC's repo is archived. */
export function WithdrawDialog({ act, title, hasRepo, onClose }: { act: Act; title: string; hasRepo: boolean; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <FormDialog
      title={`Withdraw ${title}`}
      submit="Withdraw"
      danger
      onClose={onClose}
      onFieldErrors={setErrors}
      onSubmit={async () => {
        const res = await act("/withdraw", { reason });
        return res.ok ? null : res;
      }}
    >
      <p className="text-sm text-slate-700">
        The RFC stays in the catalog as a record with your reason{hasRepo ? ", and its repository is archived in Gitea" : ""}. Its conversation stays
        readable; nothing can change afterwards.
      </p>
      <TextField id="withdraw-reason" label="Reason" value={reason} onChange={setReason} error={errors.reason} multiline rows={3} autoFocus hint="Shown on the RFC and in the catalog." />
    </FormDialog>
  );
}

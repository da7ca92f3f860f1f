"use client";

import { useState } from "react";
import type { Disposition } from "@/lib/lifecycle/motion";
import { Choice, FormDialog, TextField, type FieldErrors } from "./form-dialog";
import type { Act } from "./use-lifecycle";

/** Move to accept, reject or postpone: the arbiters sign off or raise concerns, then the final comment period runs. */
export function MotionDialog({ act, title, fcpDays, rule, onClose }: { act: Act; title: string; fcpDays: number; rule: "all" | "majority"; onClose: () => void }) {
  const [disposition, setDisposition] = useState<Disposition>("accept");
  const [summary, setSummary] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const days = fcpDays === 1 ? "1 day" : `${fcpDays} days`;
  return (
    <FormDialog
      title={`Start a motion on ${title}`}
      submit="Start the motion"
      onClose={onClose}
      onFieldErrors={setErrors}
      onSubmit={async () => {
        const res = await act("/motion", { disposition, summary });
        return res.ok ? null : res;
      }}
    >
      <p className="text-sm text-slate-700">
        When {rule === "all" ? "every arbiter has" : "a majority of the arbiters have"} signed off and no concern is open, a final comment period of {days} starts.
        A concern pauses it. When it ends, Quorum records the outcome on its own.
      </p>
      <Choice<Disposition>
        legend="Move to"
        name="motion-disposition"
        value={disposition}
        onChange={setDisposition}
        error={errors.disposition}
        options={[
          { value: "accept", label: "Accept" },
          { value: "reject", label: "Reject" },
          { value: "postpone", label: "Postpone", hint: "stays active" },
        ]}
      />
      <TextField id="motion-summary" label="Summary" value={summary} onChange={setSummary} error={errors.summary} multiline rows={4} autoFocus hint="What the motion proposes and why: the arbiters sign off on this." />
    </FormDialog>
  );
}

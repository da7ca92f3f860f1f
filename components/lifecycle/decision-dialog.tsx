"use client";

import { useState } from "react";
import { Choice, FormDialog, TextField, type FieldErrors } from "./form-dialog";
import type { Act } from "./use-lifecycle";

type Outcome = "accepted" | "rejected";

/** §3 state 4: an arbiter (or the app owner) records the decision with a rationale. Final. */
export function DecisionDialog({ act, title, openMotion, onClose }: { act: Act; title: string; openMotion: boolean; onClose: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>("accepted");
  const [rationale, setRationale] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <FormDialog
      title={`Record the decision on ${title}`}
      submit={outcome === "accepted" ? "Accept the RFC" : "Reject the RFC"}
      danger={outcome === "rejected"}
      onClose={onClose}
      onFieldErrors={setErrors}
      onSubmit={async () => {
        const res = await act("/decision", { outcome, rationale });
        return res.ok ? null : res;
      }}
    >
      <p className="text-sm text-slate-700">
        The decision is final: the RFC becomes a read-only record, and its repository&apos;s README shows the decision.
        {openMotion ? " The open motion is closed as superseded." : ""}
      </p>
      <Choice<Outcome>
        legend="Outcome"
        name="decision-outcome"
        value={outcome}
        onChange={setOutcome}
        error={errors.outcome}
        options={[
          { value: "accepted", label: "Accepted" },
          { value: "rejected", label: "Rejected" },
        ]}
      />
      <TextField id="decision-rationale" label="Rationale" value={rationale} onChange={setRationale} error={errors.rationale} multiline rows={4} autoFocus hint="Why, in a sentence or two. Recorded in the meta entry and the README." />
    </FormDialog>
  );
}

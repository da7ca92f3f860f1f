"use client";

import { useState } from "react";
import type { LifecycleView } from "@/lib/contracts/lifecycle";
import { Choice, FormDialog, TextField, type FieldErrors } from "./form-dialog";
import type { Act } from "./use-lifecycle";

const list = (xs: string[], at = "") => xs.map((x) => `${at}${x}`).join(", ");

/** §3 / §9: title, tags, owners, arbiters and the sign-off rule change through a metadata PR that owners or admins merge. */
export function MetadataDialog({ act, view, onClose }: { act: Act; view: LifecycleView; onClose: () => void }) {
  const [title, setTitle] = useState(view.title);
  const [tags, setTags] = useState(list(view.tags));
  const [owners, setOwners] = useState(list(view.owners, "@"));
  const [arbiters, setArbiters] = useState(list(view.arbiters, "@"));
  const [rule, setRule] = useState(view.signOffsNeeded);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <FormDialog
      title={`Edit the metadata of ${view.title}`}
      submit="Open the metadata PR"
      onClose={onClose}
      onFieldErrors={setErrors}
      onSubmit={async () => {
        const res = await act("/metadata", { title, tags, owners, arbiters, signOffsNeeded: rule, description: note });
        return res.ok ? null : res;
      }}
    >
      <p className="text-sm text-slate-700">
        Changes go into a metadata PR on the meta repo; an owner or an admin merges it.{view.repo ? " Once merged, the RFC's repository follows (README and .rfc/metadata.yaml)." : ""}
      </p>
      <TextField id="metadata-title" label="Title" value={title} onChange={setTitle} error={errors.title} autoFocus />
      <TextField id="metadata-tags" label="Tags" value={tags} onChange={setTags} error={errors.tags} hint="Lowercase words, separated by commas." />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="metadata-owners" label="Owners" value={owners} onChange={setOwners} error={errors.owners} hint="Gitea logins, e.g. @alice, @bob" />
        <TextField id="metadata-arbiters" label="Arbiters" value={arbiters} onChange={setArbiters} error={errors.arbiters} hint="They decide the RFC." />
      </div>
      <Choice<"all" | "majority">
        legend="A motion needs the sign-off of"
        name="metadata-rule"
        value={rule}
        onChange={setRule}
        error={errors.signOffsNeeded}
        options={[
          { value: "all", label: "Every arbiter" },
          { value: "majority", label: "A majority" },
        ]}
      />
      <TextField id="metadata-note" label="Note for the reviewers (optional)" value={note} onChange={setNote} error={errors.description} multiline rows={2} />
    </FormDialog>
  );
}

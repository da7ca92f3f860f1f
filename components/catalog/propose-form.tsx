"use client";

import { useActionState, useState } from "react";
import { Link } from "@/components/ui/link";
import { proposeIdeaAction } from "@/app/(catalog)/actions";
import { MAX_SLUG, slugify } from "@/lib/catalog/propose-input";
import { describedBy, FormField, inputClass } from "./form-field";

/**
 * §7 "Propose an idea": title, slug (derived from the title until edited),
 * summary and tags. Inputs are controlled, so nothing typed is lost when the
 * server answers with errors; each error sits under its field.
 */
export function ProposeForm() {
  const [state, action, pending] = useActionState(proposeIdeaAction, null);
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [summary, setSummary] = useState("");
  const [tags, setTags] = useState("");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const formError = state && !state.ok && !state.fieldErrors ? state.message : null;

  return (
    <form action={action} className="space-y-5" noValidate>
      {formError && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
          {formError}
        </p>
      )}
      <FormField id="title" label="Title" error={errors.title} hint="What the idea is about, in a few words.">
        <input
          id="title"
          name="title"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (!slugEdited) setSlug(slugify(e.target.value));
          }}
          aria-invalid={!!errors.title}
          aria-describedby={describedBy("title", errors.title)}
          className={inputClass(!!errors.title)}
          autoComplete="off"
          required
        />
      </FormField>
      <FormField id="slug" label="Slug" error={errors.slug} hint={<>Lowercase letters, digits and dashes; the file becomes <code>rfcs/{slug || "…"}.md</code>.</>}>
        <input
          id="slug"
          name="slug"
          value={slug}
          maxLength={MAX_SLUG}
          onChange={(e) => {
            setSlug(e.target.value);
            setSlugEdited(true);
          }}
          aria-invalid={!!errors.slug}
          aria-describedby={describedBy("slug", errors.slug)}
          className={`${inputClass(!!errors.slug)} font-mono`}
          autoComplete="off"
          spellCheck={false}
          required
        />
      </FormField>
      <FormField id="summary" label="Summary" error={errors.summary} hint="Markdown. This becomes the first text of the draft.">
        <textarea
          id="summary"
          name="summary"
          rows={8}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          aria-invalid={!!errors.summary}
          aria-describedby={describedBy("summary", errors.summary)}
          className={inputClass(!!errors.summary)}
          required
        />
      </FormField>
      <FormField id="tags" label="Tags (optional)" error={errors.tags} hint="Separated by commas or spaces, e.g. storage, api.">
        <input
          id="tags"
          name="tags"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          aria-invalid={!!errors.tags}
          aria-describedby={describedBy("tags", errors.tags)}
          className={inputClass(!!errors.tags)}
          autoComplete="off"
        />
      </FormField>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60">
          {pending ? "Proposing…" : "Propose idea"}
        </button>
        <Link href="/" className="text-sm text-slate-600 underline hover:text-slate-900">
          Cancel
        </Link>
      </div>
    </form>
  );
}

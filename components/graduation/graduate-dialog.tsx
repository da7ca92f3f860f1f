"use client";

import { useEffect, useState } from "react";
import { repoNameError, rfcIdError, suggestRepoName } from "@/lib/graduation/patterns";
import { api, paths } from "@/lib/client/api";
import { Modal } from "@/components/rfc/modal";
import { Field } from "./graduate-fields";
import { GraduationOutcome } from "./graduation-outcome";
import { Preconditions } from "./preconditions";
import { StepList } from "./step-list";
import { useGraduationCheck } from "./use-graduation-check";
import { useGraduationProgress } from "./use-graduation-progress";

// §13.2/§13.3 the Graduate dialog: suggested id and repo name validated as
// the user types, the preconditions, then the live step list with any
// rollback, and a link to the active RFC on success.

type Props = { slug: string; open: boolean; onClose: () => void };

export function GraduateDialog({ slug, open, onClose }: Props) {
  if (!open) return null;
  return <GraduatePanel slug={slug} onClose={onClose} />;
}

function GraduatePanel({ slug, onClose }: { slug: string; onClose: () => void }) {
  const [fields, setFields] = useState<{ id: string; repo: string } | null>(null);
  const [repoEdited, setRepoEdited] = useState(false);
  const [version, setVersion] = useState(0);
  const [streamUrl, setStreamUrl] = useState<string | null>(null);
  const [submit, setSubmit] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const { check, error, checking } = useGraduationCheck(slug, fields, version);
  const { snapshot, lost } = useGraduationProgress(streamUrl);

  useEffect(() => {
    if (!check) return;
    if (!fields) setFields({ id: check.suggested.id, repo: check.suggested.repo });
    // Opened while a graduation runs (another tab, a reload): follow it.
    if (!streamUrl && check.inFlight && check.graduation) setStreamUrl(`${paths.rfc(slug)}/graduate/progress?g=${check.graduation.graduationId}`);
  }, [check, fields, streamUrl, slug]);

  const running = submit.busy || snapshot?.status === "running";
  const finished = !!snapshot && snapshot.status !== "running";
  const requestClose = () => !running && onClose();
  // The repo name follows a valid id until the user edits it (§13.2 suggestion).
  const setId = (id: string) =>
    setFields((f) => ({ id, repo: repoEdited || rfcIdError(id.trim()) ? (f?.repo ?? "") : suggestRepoName(id.trim(), slug) }));
  const setRepo = (repo: string) => {
    setRepoEdited(true);
    setFields((f) => ({ id: f?.id ?? "", repo }));
  };
  const idFormat = fields ? rfcIdError(fields.id.trim()) : null;
  const repoFormat = fields ? repoNameError(fields.repo.trim()) : null;
  const fresh = (v: { value: string; ok: boolean } | null | undefined, now: string) => !v || v.value !== now.trim() || v.ok;
  const blocked =
    !check || !fields || !!idFormat || !!repoFormat || !check.viewer.canGraduate || !check.owners.ok || !check.blockingPrs.ok ||
    !fresh(check.id, fields.id) || !fresh(check.repo, fields.repo) || check.state !== "super-draft";

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (blocked || running || !fields) return;
    setSubmit({ busy: true, error: null });
    const res = await api<{ graduation: { graduationId: number }; streamUrl: string }>(`${paths.rfc(slug)}/graduate`, {
      method: "POST",
      json: { id: fields.id.trim(), repo: fields.repo.trim() },
    });
    if (res.ok) setStreamUrl(`${res.data.streamUrl}?g=${res.data.graduation.graduationId}`);
    else setVersion((v) => v + 1);
    setSubmit({ busy: false, error: res.ok ? null : res.message });
  };
  const retry = () => {
    setStreamUrl(null);
    setVersion((v) => v + 1);
  };

  return (
    <Modal title={`Graduate ${check?.title ?? slug}`} labelledBy="graduate-title" width="max-w-lg" canClose={!running} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <header className="border-b border-slate-200 px-5 py-4">
          <h2 id="graduate-title" className="text-lg font-semibold text-slate-900">
            Graduate {check?.title ?? slug}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Gives the super-draft an id and its own repository, then makes it active. Once the meta PR is merged there is no undo; the way back is withdrawal.
          </p>
        </header>
        <div className="space-y-4 px-5 py-4">
          {error && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {error.status === 401 ? "Sign in to graduate this RFC." : error.message}
            </p>
          )}
          {!check && !error && <p className="text-sm text-slate-500">Loading…</p>}
          {check && check.state !== "super-draft" && !snapshot && (
            <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">This RFC is {check.state}: only a super-draft can graduate.</p>
          )}
          {check && fields && !snapshot && check.state === "super-draft" && (
            <>
              <div className="grid gap-3 sm:grid-cols-[9rem_1fr]">
                <Field id="graduate-id" autoFocus label="RFC id" hint="RFC- and four digits or more" value={fields.id} disabled={running || !check.viewer.canGraduate} formatError={idFormat} server={check.id} checking={checking} onChange={setId} />
                <Field id="graduate-repo" label="Repository" hint="Created empty in Gitea, then seeded" prefix={`${check.repoOwner}/`} value={fields.repo} disabled={running || !check.viewer.canGraduate} formatError={repoFormat} server={check.repo} checking={checking} onChange={setRepo} />
              </div>
              <Preconditions slug={slug} check={check} onChanged={() => setVersion((v) => v + 1)} />
              {!check.viewer.canGraduate && <p className="text-sm text-slate-600">Only this RFC&apos;s owners and arbiters, or an admin, can graduate it.</p>}
            </>
          )}
          {submit.error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{submit.error}</p>}
          {snapshot && <StepList steps={snapshot.steps} />}
          {lost && running && <p className="text-xs text-slate-500">Connection lost; reconnecting…</p>}
          {finished && snapshot && <GraduationOutcome snapshot={snapshot} onRetry={retry} />}
        </div>
        <footer className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3">
          <button type="button" onClick={requestClose} disabled={running} className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-50">
            {finished ? "Close" : "Cancel"}
          </button>
          {!snapshot && (
            <button type="submit" disabled={blocked || running} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-50">
              {running ? "Starting…" : "Graduate"}
            </button>
          )}
        </footer>
      </form>
    </Modal>
  );
}

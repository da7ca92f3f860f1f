"use client";

import { useEffect, useState } from "react";
import type { GraduationCheck } from "@/lib/graduation/types";
import { api, paths } from "@/lib/client/api";

export const CHECK_DEBOUNCE_MS = 300;

/**
 * §13.2 inline validation: asks the check route once the user has stopped
 * typing for 300 ms; a newer keystroke aborts the older request, so an
 * answer never lands on fields it was not asked about.
 */
export function useGraduationCheck(slug: string, fields: { id: string; repo: string } | null, version: number) {
  const [check, setCheck] = useState<GraduationCheck | null>(null);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const id = fields?.id;
  const repo = fields?.repo;

  useEffect(() => {
    const controller = new AbortController();
    const query = new URLSearchParams();
    if (id !== undefined) query.set("id", id);
    if (repo !== undefined) query.set("repo", repo);
    // The very first call (suggestions, no fields yet) is not debounced.
    const delay = id === undefined ? 0 : CHECK_DEBOUNCE_MS;
    const timer = setTimeout(async () => {
      setChecking(true);
      try {
        const res = await api<GraduationCheck>(`${paths.rfc(slug)}/graduate/check?${query}`, { signal: controller.signal });
        if (controller.signal.aborted) return;
        if (res.ok) {
          setCheck(res.data);
          setError(null);
        } else setError({ status: res.status, message: res.message });
        setChecking(false);
      } catch {
        /* aborted by a newer keystroke */
      }
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [slug, id, repo, version]);

  return { check, error, checking };
}

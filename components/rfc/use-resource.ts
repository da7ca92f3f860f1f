"use client";

import { useCallback } from "react";
import useSWR from "swr";
import { type ApiError, fetchJson } from "@/lib/client/api";

// One GET resource of the RFC view on SWR: loading, an error with retry,
// reload after a write, one request per URL however many components ask,
// and only the newest answer kept (SWR's own sequencing). Revalidation on
// focus is off: the view follows writes through SSE and explicit reloads.

export type Resource<T> = { data: T | null; error: string | null; loading: boolean; reload: () => Promise<void>; set: (t: T) => void };

export const SWR_OPTIONS = { revalidateOnFocus: false, revalidateOnReconnect: true, shouldRetryOnError: false } as const;

export function useResource<T>(url: string | null, initial: T | null = null): Resource<T> {
  const { data, error, isLoading, mutate } = useSWR<T, ApiError>(url, fetchJson<T>, {
    ...SWR_OPTIONS,
    fallbackData: initial ?? undefined,
    // A value from the page is current: no request until something changes.
    revalidateOnMount: initial === null,
  });
  // Stable functions (SWR's mutate is stable per key): effects may depend on them.
  const reload = useCallback(async () => {
    await mutate();
  }, [mutate]);
  const set = useCallback((t: T) => void mutate(t, { revalidate: false }), [mutate]);
  return { data: data ?? null, error: error?.message ?? null, loading: isLoading, reload, set };
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "./api";

// One GET resource of the RFC view: loading, error with retry, reload after a
// write. An answer that arrives after a newer request started is ignored.

export type Resource<T> = { data: T | null; error: string | null; loading: boolean; reload: () => Promise<void>; set: (t: T) => void };

export function useResource<T>(url: string | null, initial: T | null = null): Resource<T> {
  const [data, setData] = useState<T | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(url !== null && initial === null);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    if (!url) return;
    const mine = ++seq.current;
    setLoading(true);
    const r = await api<T>(url);
    if (mine !== seq.current) return;
    setLoading(false);
    if (r.ok) {
      setData(r.data);
      setError(null);
    } else setError(r.message);
  }, [url]);
  useEffect(() => {
    if (initial === null) void reload();
    // The initial value only seeds the first render; a new url always loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);
  return { data, error, loading, reload, set: setData };
}

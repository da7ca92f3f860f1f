// The one way the browser calls the §17 routes (docs/API.md): a request
// that turns a failed fetch or an error body `{ error: { code, message,
// details } }` into something to show. Components use api() for writes,
// useResource() (SWR, components/rfc/use-resource.ts) for reads, and request() where the
// answer is a stream (the AI reply).

export type ApiError = { ok: false; status: number; code: string; message: string; details?: Record<string, unknown> };
export type ApiResult<T> = { ok: true; data: T; status: number } | ApiError;
export type ApiInit = RequestInit & { json?: unknown };

const NETWORK_MESSAGE = "Quorum could not be reached. Check your connection and try again.";

/** Sends the request; a network failure is an ApiError (status 0), an abort still throws. */
export async function request(url: string, init?: ApiInit): Promise<Response | ApiError> {
  const { json, ...rest } = init ?? {};
  try {
    return await fetch(url, {
      ...rest,
      headers: { Accept: "application/json", ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...rest.headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    return { ok: false, status: 0, code: "network", message: NETWORK_MESSAGE };
  }
}

/** The error body of a failed response as an ApiError. */
export async function errorOf(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
  return { ok: false, status: res.status, code: error?.code ?? "internal", message: error?.message ?? `The server answered ${res.status}`, details: error?.details };
}

export async function api<T>(url: string, init?: ApiInit): Promise<ApiResult<T>> {
  const res = await request(url, init);
  if (!(res instanceof Response)) return res;
  if (!res.ok) return errorOf(res);
  if (res.status === 204) return { ok: true, data: undefined as T, status: 204 };
  return { ok: true, data: (await res.json().catch(() => null)) as T, status: res.status };
}

/** SWR's fetcher: the data, or a thrown ApiError (SWR keeps it as `error`). */
export async function fetchJson<T>(url: string): Promise<T> {
  const r = await api<T>(url);
  if (!r.ok) throw r;
  return r.data;
}

const seg = encodeURIComponent;

// §17: branch names contain "/", so each is encoded as one path segment.
export const paths = {
  rfc: (slug: string) => `/api/rfcs/${seg(slug)}`,
  branches: (slug: string) => `/api/rfcs/${seg(slug)}/branches`,
  branch: (slug: string, branch: string) => `/api/rfcs/${seg(slug)}/branches/${seg(branch)}`,
  pr: (slug: string, n: number) => `/api/rfcs/${seg(slug)}/prs/${n}`,
  flags: (slug: string) => `/api/rfcs/${seg(slug)}/flags`,
  thread: (id: string) => `/api/threads/${seg(id)}`,
  change: (id: string) => `/api/changes/${seg(id)}`,
};

/** The page URL of an RFC on a branch: main is the bare RFC URL. */
export function viewUrl(slug: string, branch: string): string {
  return branch === "main" ? `/rfcs/${seg(slug)}` : `/rfcs/${seg(slug)}?branch=${seg(branch)}`;
}

/**
 * Opens the view after an action that created, moved or removed a branch.
 * A full load: in production builds a soft navigation right after a
 * mutation is at times fetched and never committed (vercel/next.js#86151),
 * which left the user on the old page with nothing happening.
 */
export function openView(url: string): void {
  window.location.assign(url);
}

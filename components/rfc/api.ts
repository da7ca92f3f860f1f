// The RFC view's calls to the §17 routes (docs/API.md): one place that turns
// an error body `{ error: { code, message, details } }` into something to show.

export type ApiError = { ok: false; status: number; code: string; message: string; details?: Record<string, unknown> };
export type ApiResult<T> = { ok: true; data: T; status: number } | ApiError;

const NETWORK_MESSAGE = "Quorum could not be reached. Check your connection and try again.";

export async function api<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<ApiResult<T>> {
  const { json, ...rest } = init ?? {};
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      headers: { Accept: "application/json", ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...rest.headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    return { ok: false, status: 0, code: "network", message: NETWORK_MESSAGE };
  }
  if (res.status === 204) return { ok: true, data: undefined as T, status: 204 };
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: body as T, status: res.status };
  const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
  return {
    ok: false,
    status: res.status,
    code: error?.code ?? "internal",
    message: error?.message ?? `The server answered ${res.status}`,
    details: error?.details,
  };
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

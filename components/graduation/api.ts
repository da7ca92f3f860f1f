// The dialog's calls to the §17 routes: one place that turns an error body
// `{ error: { code, message } }` into a message to show.

export type ApiResult<T> = { ok: true; data: T; status: number } | { ok: false; status: number; code: string; message: string };

export async function api<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { "Content-Type": "application/json", ...init?.headers } });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    return { ok: false, status: 0, code: "network", message: "Quorum could not be reached. Check your connection and try again." };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: body as T, status: res.status };
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return { ok: false, status: res.status, code: error?.code ?? "internal", message: error?.message ?? `The server answered ${res.status}` };
}

export const rfcPath = (slug: string) => `/api/rfcs/${encodeURIComponent(slug)}`;

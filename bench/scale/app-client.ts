import { timedRequest, type Timed } from "./http";
import type { ScaleWorld } from "./world";

// The app's §17 routes as a signed-in person's browser calls them: the
// session cookie and the app's own origin (withMutation's same-origin check).

export type AppClient = {
  get<T>(path: string): Promise<T>;
  post(path: string, body: unknown): Promise<Timed>;
  postJson<T>(path: string, body: unknown): Promise<T>;
};

export async function appClient(w: ScaleWorld, login: string): Promise<AppClient> {
  const cookie = await w.sessionCookie(login);
  const headers = { cookie, origin: w.appUrl, "content-type": "application/json", accept: "application/json" };
  const post = (path: string, body: unknown) => timedRequest(`${w.appUrl}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  return {
    async get<T>(path: string) {
      const r = await timedRequest(`${w.appUrl}${path}`, { headers });
      if (r.status !== 200) throw new Error(`GET ${path} → ${r.status} ${r.body.slice(0, 300)}`);
      return JSON.parse(r.body) as T;
    },
    post,
    async postJson<T>(path: string, body: unknown) {
      const r = await post(path, body);
      if (r.status >= 300) throw new Error(`POST ${path} → ${r.status} ${r.body.slice(0, 300)}`);
      return JSON.parse(r.body) as T;
    },
  };
}

export const branchPath = (slug: string, branch: string) => `/api/rfcs/${encodeURIComponent(slug)}/branches/${encodeURIComponent(branch)}`;

/** The id of a branch's main thread (created on first read). */
export async function mainThreadId(c: AppClient, slug: string, branch: string): Promise<string> {
  const { threads } = await c.get<{ threads: { id: string; kind: string }[] }>(`${branchPath(slug, branch)}/threads`);
  const main = threads.find((t) => t.kind === "main");
  if (!main) throw new Error(`${slug}/${branch} has no main thread`);
  return main.id;
}

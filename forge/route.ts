import type { ScopeCategory } from "./auth";
import type { Ctx, Reply } from "./http";

// A route: method + path pattern. `{name}` matches one segment, `{name*}` the
// rest of the path (branch names and file paths contain "/"), and the numeric
// parameters `{index}` / `{id}` match digits only.

export type Handler = (ctx: Ctx) => Promise<Reply> | Reply;

export interface Route {
  method: string;
  pattern: string;
  /** The swagger path of an /api/v1 route (for the contract test). */
  swagger?: string;
  /** Token scope category checked for API tokens (FACTS §4). */
  scope?: ScopeCategory[];
  /** Admin routes under /_forge are not counted or faulted. */
  admin?: boolean;
  handler: Handler;
  regex: RegExp;
  keys: string[];
}

const API = "/api/v1";

function compile(pattern: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  let re = "";
  for (const part of pattern.split(/(\{[a-zA-Z_]+\*?\})/)) {
    const m = part.match(/^\{([a-zA-Z_]+)(\*?)\}$/);
    if (!m) {
      re += part.replace(/[.+?^$()|[\]\\]/g, "\\$&");
      continue;
    }
    keys.push(m[1]);
    if (m[2]) re += "(.+)";
    else if (m[1] === "index" || m[1] === "id") re += "(\\d+)";
    else re += "([^/]+)";
  }
  return { regex: new RegExp(`^${re}$`), keys };
}

export function route(
  method: string,
  pattern: string,
  handler: Handler,
  opts: { scope?: ScopeCategory[]; admin?: boolean } = {},
): Route {
  const swagger = pattern.startsWith(`${API}/`) ? pattern.slice(API.length).replace(/\*\}/g, "}") : undefined;
  return { method, pattern, swagger, handler, ...opts, ...compile(pattern) };
}

/** Shorthand for an /api/v1 route. */
export const api = (method: string, path: string, handler: Handler, scope?: ScopeCategory[]) =>
  route(method, `${API}${path}`, handler, { scope });

export function matchRoute(routes: Route[], method: string, pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const r of routes) {
    if (r.method !== method) continue;
    const m = r.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    try {
      r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
      if (Object.values(params).some((v) => v.includes("\0"))) continue; // never a valid name or path
    } catch {
      continue; // malformed percent-encoding: no match
    }
    return { route: r, params };
  }
  return null;
}

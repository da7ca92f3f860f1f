import { matchRoute } from "@/forge/route";
import { routes } from "@/forge/router";
import type { TestForge } from "../../helpers/forge";
import { responseSchema, validate } from "../../helpers/swagger";

// The contract test's request helper: every call is matched against the
// forge's router (so the test knows which route served it), its status is
// checked, and a JSON body is validated against the route's swagger response.

/** Statuses Gitea answers where its 1.22 swagger documents another: validate against the documented one. */
const SWAGGER_STATUS: Record<string, Record<number, number>> = {
  // routers/api/v1/repo/tag.go CreateTag answers StatusCreated; the swagger comment says 200.
  "POST /repos/{owner}/{repo}/tags": { 201: 200 },
};

export interface CallOptions {
  body?: unknown;
  /** Defaults to the bot's token; null = anonymous; {basic: [user, pw]} = HTTP Basic. */
  token?: string | null | { basic: [string, string] };
  headers?: Record<string, string>;
  /** Send `body` as is (a string), e.g. form-encoded. */
  rawBody?: string;
  redirect?: RequestRedirect;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked against the swagger instead
}

export class Kit {
  /** "METHOD pattern" of every route that answered with its expected status. */
  readonly covered = new Set<string>();
  /** Shared values between steps (created ids, shas, …). */
  readonly s: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any -- scratch space

  constructor(readonly forge: TestForge) {}

  async call(method: string, path: string, expect: number, o: CallOptions = {}): Promise<CallResult> {
    const headers = new Headers(o.headers);
    const token = o.token === undefined ? this.forge.botToken : o.token;
    if (typeof token === "string") headers.set("authorization", `token ${token}`);
    else if (token) headers.set("authorization", `Basic ${Buffer.from(token.basic.join(":")).toString("base64")}`);
    let body: string | undefined = o.rawBody;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers.set("content-type", "application/json");
    }
    const res = await fetch(`${this.forge.url}${path}`, { method, headers, body, redirect: o.redirect ?? "manual" });
    const text = await res.text();
    const isJson = (res.headers.get("content-type") ?? "").includes("application/json");
    const result: CallResult = { status: res.status, headers: res.headers, text, json: isJson && text ? JSON.parse(text) : null };
    const match = matchRoute(routes, method, new URL(path, this.forge.url).pathname);
    if (!match) throw new Error(`${method} ${path} matches no route`);
    if (res.status !== expect) throw new Error(`${method} ${path}: expected ${expect}, got ${res.status}: ${text.slice(0, 500)}`);
    if (res.status >= 400 && isJson && match.route.swagger) {
      if (typeof result.json?.message !== "string" || typeof result.json?.url !== "string") throw new Error(`${method} ${path}: not a Gitea error body: ${text}`);
    }
    if (match.route.swagger && res.status < 400 && isJson) {
      const documented = SWAGGER_STATUS[`${method} ${match.route.swagger}`]?.[res.status] ?? res.status;
      const schema = responseSchema(match.route.swagger, method, documented);
      if (schema) {
        // The swagger types GET contents/{path} as one object; Gitea answers a directory with an array of them.
        const dirList = Array.isArray(result.json) && schema.$ref?.endsWith("/ContentsResponse");
        const errors = dirList ? validate({ type: "array", items: schema }, result.json) : validate(schema, result.json);
        if (errors.length) throw new Error(`${method} ${path} does not match the swagger:\n${errors.slice(0, 20).join("\n")}`);
      }
    }
    this.covered.add(`${match.route.method} ${match.route.pattern}`);
    return result;
  }
}

export type Step = { method: string; pattern: string; run: (k: Kit) => Promise<void> };

export const step = (method: string, pattern: string, run: (k: Kit) => Promise<void>): Step => ({ method, pattern, run });

export const b64 = (s: string) => Buffer.from(s).toString("base64");

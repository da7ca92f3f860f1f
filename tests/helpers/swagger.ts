import { readFileSync } from "node:fs";
import { swaggerPath } from "../fixtures";

// A small validator for Gitea's swagger 2.0 definitions (tests/fixtures/gitea/swagger.v1.22.json):
// types, properties, items, additionalProperties, `$ref`, `format: date-time`.
// Swagger 2.0 has no `nullable`; Gitea sends null for absent pointers, so null
// is accepted anywhere — except for the fields the app reads (APP_REQUIRED),
// which must be present and non-null. Properties missing from a definition
// are reported too (a typo in the forge is a bug).

export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
};

interface Spec {
  definitions: Record<string, Schema>;
  responses: Record<string, { schema?: Schema }>;
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; schema?: Schema }> }>>;
}

/** Fields the app reads, per definition: present and non-null wherever that definition appears. */
export const APP_REQUIRED: Record<string, string[]> = {
  Repository: ["id", "name", "full_name", "owner.login", "default_branch", "empty", "private", "archived", "created_at", "updated_at", "html_url", "clone_url"],
  User: ["id", "login", "full_name", "avatar_url"],
  Organization: ["id", "username", "full_name", "visibility"],
  ContentsResponse: ["name", "path", "sha", "type", "size", "last_commit_sha"],
  FileResponse: ["content.sha", "content.content", "commit.sha"],
  FilesResponse: ["commit.sha", "files"],
  FileDeleteResponse: ["commit.sha"],
  FileCommitResponse: ["sha", "message", "author.name", "author.email"],
  Branch: ["name", "commit.id", "commit.message", "commit.timestamp"],
  PayloadCommit: ["id", "message", "timestamp"],
  Commit: ["sha", "commit.message", "commit.author.name", "commit.author.email", "commit.author.date", "commit.committer.date", "parents"],
  PullRequest: ["id", "number", "state", "title", "body", "user.login", "merged", "mergeable", "head.ref", "head.sha", "base.ref", "base.sha",
    "merge_base", "additions", "deletions", "changed_files", "created_at", "updated_at", "html_url"],
  ChangedFile: ["filename", "status", "additions", "deletions", "changes"],
  Hook: ["id", "type", "active", "events", "config.url", "config.content_type", "created_at"],
  AccessToken: ["id", "name", "scopes", "token_last_eight"],
  OAuth2Application: ["id", "name", "client_id", "redirect_uris", "confidential_client"],
  Issue: ["id", "number", "state", "title", "updated_at", "created_at", "pull_request.merged", "repository.id", "repository.name",
    "repository.owner", "repository.full_name"],
  Comment: ["id", "body", "user.login", "created_at"],
  SearchResults: ["ok", "data"],
  Compare: ["total_commits", "commits"],
  Team: ["id", "name"],
  Tag: ["name", "message", "id", "commit.sha"],
  ServerVersion: ["version"],
};

/** Response fields Gitea sends that the swagger omits. */
const UNDOCUMENTED: Record<string, string[]> = { User: ["username"] };

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

let cached: Spec | null = null;
export function swaggerSpec(): Spec {
  cached ??= JSON.parse(readFileSync(swaggerPath(), "utf8")) as Spec;
  return cached;
}

const refName = (ref: string) => ref.split("/").pop()!;
const get = (v: unknown, dotted: string) =>
  dotted.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), v);

export function validate(schema: Schema, value: unknown, at = "$", errors: string[] = [], defName?: string): string[] {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    const def = swaggerSpec().definitions[name];
    if (!def) return [...errors, `${at}: unknown definition ${name}`];
    if (value !== null && value !== undefined) {
      for (const p of APP_REQUIRED[name] ?? []) {
        const v = get(value, p);
        if (v === undefined || v === null) errors.push(`${at}.${p}: required by the app (${name}) but ${v === null ? "null" : "missing"}`);
      }
    }
    return validate(def, value, at, errors, name);
  }
  if (value === null || value === undefined) return errors;
  const type = schema.type ?? (schema.properties ? "object" : undefined);
  const fail = (what: string) => errors.push(`${at}: expected ${what}, got ${JSON.stringify(value)?.slice(0, 80)}`);
  if (type === "string") {
    if (typeof value !== "string") fail("string");
    else if (schema.format === "date-time" && !DATE_TIME.test(value)) fail("date-time");
  } else if (type === "integer") {
    if (!Number.isInteger(value)) fail("integer");
  } else if (type === "number") {
    if (typeof value !== "number") fail("number");
  } else if (type === "boolean") {
    if (typeof value !== "boolean") fail("boolean");
  } else if (type === "array") {
    if (!Array.isArray(value)) fail("array");
    else if (schema.items) value.forEach((item, i) => validate(schema.items!, item, `${at}[${i}]`, errors));
  } else if (type === "object") {
    if (typeof value !== "object" || Array.isArray(value)) return fail("object"), errors;
    const props = schema.properties ?? {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (props[k]) validate(props[k], v, `${at}.${k}`, errors);
      else if (typeof schema.additionalProperties === "object") validate(schema.additionalProperties, v, `${at}.${k}`, errors);
      else if (schema.properties && !UNDOCUMENTED[defName ?? ""]?.includes(k)) errors.push(`${at}.${k}: not in the ${defName ?? "inline"} definition`);
    }
  }
  return errors;
}

/** The schema of a documented response (`#/responses/X` resolved), or null when it has none. */
export function responseSchema(swaggerPath: string, method: string, status: number): Schema | null {
  const op = swaggerSpec().paths[swaggerPath]?.[method.toLowerCase()];
  if (!op) throw new Error(`${method} ${swaggerPath} is not in the swagger`);
  const res = op.responses[String(status)];
  if (!res) throw new Error(`${method} ${swaggerPath} does not document status ${status}`);
  if (res.$ref) return swaggerSpec().responses[refName(res.$ref)]?.schema ?? null;
  return res.schema ?? null;
}

export const validateDefinition = (name: string, value: unknown) => validate({ $ref: `#/definitions/${name}` }, value);

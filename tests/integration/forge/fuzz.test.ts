import { routeTable } from "@/forge/router";
import { startTestForge, type TestForge } from "../../helpers/forge";


// No 500s on bad input: every route gets malformed JSON, wrong types, odd
// parameters and odd query strings; every answer must be < 500 (and a
// Gitea-shaped error body when it is an /api/v1 error).

const PARAMS: Record<string, string[]> = {
  owner: ["rfcs", "nobody", "%2e%2e"],
  repo: ["meta", "nope", "meta.git"],
  org: ["rfcs", "nope"],
  username: ["alice", "nope", "forge-admin"],
  filepath: ["README.md", "a%00b", "../../etc/passwd", "no/such/file"],
  branch: ["main", "nope", "a..b", "--upload-pack"],
  basehead: ["main...main", "main", "...", "nope...main"],
  index: ["1", "0", "99999999999999999999"],
  id: ["1", "0", "424242"],
  token: ["1", "nope"],
  diffType: ["diff", "exe"],
};

const BODIES: (string | undefined)[] = [
  undefined,
  "{not json",
  "[]",
  "null",
  '"str"',
  JSON.stringify({ name: 5, content: 7, files: "x", config: 1, Do: 3, head: [], base: {}, state: 9, sha: false, new_branch_name: {}, username: [], events: "push", scopes: "all", redirect_uris: "x", token: 1 }),
  JSON.stringify({ files: [{ operation: "create", path: "" }], content: "!!!!", new_branch: "-x", branch: "../main", author: "me", dates: { author: "yesterday" } }),
];

const QUERIES = ["", "?page=-1&limit=abc&path=a%00b", "?ref=--output=/tmp/x&sha=../main&not=zz&since=never&state=weird&sort=nope&order=up&uid=x"];

function expand(pattern: string): string[] {
  let paths = [pattern];
  for (const [name, values] of Object.entries(PARAMS)) {
    const token = new RegExp(`\\{${name}\\*?\\}`);
    paths = paths.flatMap((p) => (token.test(p) ? values.map((v) => p.replace(token, v)) : [p]));
  }
  return paths.slice(0, 4);
}

describe("forge robustness", () => {
  let forge: TestForge;
  beforeAll(async () => {
    forge = await startTestForge();
  });
  afterAll(() => forge?.stop());

  const routes = routeTable.filter((r) => !r.admin && !(r.method === "DELETE" && r.pattern === "/api/v1/repos/{owner}/{repo}"));
  test.each(routes.map((r) => [`${r.method} ${r.pattern}`, r] as const))("%s never answers 5xx", async (_name, r) => {
    const failures: string[] = [];
    const cases = expand(r.pattern).flatMap((path) =>
      r.method === "GET" ? QUERIES.map((q) => ({ url: `${path}${q}`, body: undefined })) : BODIES.map((body) => ({ url: path, body })),
    );
    for (const [i, c] of cases.entries()) {
      const token = i === 0 ? null : forge.botToken;
      const res = await forge.api(c.url, { method: r.method, body: c.body, headers: { "content-type": "application/json" } }, token);
      const text = await res.text();
      if (res.status >= 500) failures.push(`${res.status} ${r.method} ${c.url} ${c.body ?? ""}: ${text.slice(0, 200)}`);
      else if (res.status >= 400 && r.swagger && res.headers.get("content-type")?.includes("json")) {
        if (typeof JSON.parse(text).message !== "string") failures.push(`${res.status} without {message}: ${r.method} ${c.url}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

import path from "node:path";
import { readFileSync } from "node:fs";
import { allowedMethods } from "@/lib/http/middleware/allowed-methods";
import { API_ROUTES_FILE, exportedMethods, renderApiRoutes, scanApiRoutes } from "@/scripts/api-routes-scan";

// The middleware's JSON 405 (issue 12): which methods the API route serving
// a path answers, from the generated table of app/api/**/route.ts.

const root = path.resolve(__dirname, "../../..");

test("the generated table is what app/api holds now (else: npm run api:routes)", () => {
  expect(readFileSync(path.join(root, API_ROUTES_FILE), "utf8")).toBe(renderApiRoutes(scanApiRoutes(root)));
});

test("a route file's methods: declared, exported as functions, or re-exported under a method's name", () => {
  expect(exportedMethods("export const GET = withRoute(a);\nexport const PATCH = x;")).toEqual(["GET", "PATCH"]);
  expect(exportedMethods("export async function POST(req) {}\nexport function DELETE() {}")).toEqual(["POST", "DELETE"]);
  expect(exportedMethods("export { handler as GET, handler as POST };\nexport const dynamic = 'force-dynamic';")).toEqual(["GET", "POST"]);
  expect(exportedMethods("const GET = 1;\nexport const runtime = 'nodejs';")).toEqual([]);
});

test("a path gets the methods of the route Next would serve it with, plus HEAD with GET and OPTIONS", () => {
  expect(allowedMethods("/api/rfcs")).toEqual(["GET", "HEAD", "OPTIONS"]);
  expect(allowedMethods("/api/rfcs/a-slug/prs/7/merge")).toEqual(["OPTIONS", "POST"]);
  expect(allowedMethods("/api/rfcs/a-slug/branches/edit%2Fx")).toEqual(["DELETE", "OPTIONS", "PATCH"]);
  // A named or dynamic segment wins over the catch-all app/api/[...unknown].
  expect(allowedMethods("/api/changes/accept-batch")).toEqual(["OPTIONS", "POST"]);
  expect(allowedMethods("/api/flags/f1")).toEqual(["OPTIONS", "PATCH"]);
  expect(allowedMethods("/api/auth/callback/gitea")).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
});

test("a path no route serves falls to the catch-all, which answers every method (with its JSON 404)", () => {
  expect(allowedMethods("/api/no/such/route")).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
  expect(allowedMethods("/api/rfcs/a-slug/branches/b/nothing-here")).toContain("DELETE");
});

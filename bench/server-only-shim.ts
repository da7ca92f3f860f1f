import Module from "node:module";
import path from "node:path";

// Route handlers import "server-only", which throws outside a React server
// bundle. A benchmark that calls them in-process (as the integration tests
// do through Jest's moduleNameMapper) resolves it to the package's own
// empty module instead. Import this first, then the routes dynamically.

type Resolve = (request: string, ...rest: unknown[]) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const original = mod._resolveFilename;
const empty = path.join(path.dirname(require.resolve("server-only")), "empty.js");
mod._resolveFilename = function (request, ...rest) {
  return request === "server-only" ? empty : original.call(this, request, ...rest);
};
// Sessions minted by tests/helpers/session.ts carry no Gitea token; the app accepts them only under NODE_ENV=test.
(process.env as Record<string, string>).NODE_ENV = "test";

// Writes lib/http/middleware/api-routes.generated.ts: every API route's URL
// pattern and the methods its route.ts exports, for the middleware's JSON
// 405 (Next answers a method a route does not export with an empty 405).
// `npm run api:routes` after adding a route or a method; a unit test says
// when the file is out of date.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { API_ROUTES_FILE, renderApiRoutes, scanApiRoutes } from "./api-routes-scan";

const root = process.cwd(); // npm runs scripts from the project root
writeFileSync(path.join(root, API_ROUTES_FILE), renderApiRoutes(scanApiRoutes(root)));
console.log(`${API_ROUTES_FILE} regenerated`);

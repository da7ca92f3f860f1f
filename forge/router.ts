import { adminRoutes } from "./admin";
import { json } from "./http";
import { authorizeRoutes } from "./oauth-authorize";
import { infoRoutes } from "./oauth-info";
import { accessTokenRoutes } from "./oauth-token";
import { api, type Route } from "./route";
import { branchRoutes } from "./routes/branches";
import { collaboratorRoutes } from "./routes/collaborators";
import { commitRoutes } from "./routes/commits";
import { contentsReadRoutes } from "./routes/contents-read";
import { contentsWriteRoutes } from "./routes/contents-write";
import { hookRouteList } from "./routes/hooks";
import { issueCommentRoutes } from "./routes/issue-comments";
import { issueRoutes } from "./routes/issues";
import { oauthAppRoutes } from "./routes/oauth-apps";
import { orgRoutes } from "./routes/orgs";
import { pullMergeRoutes } from "./routes/pulls-merge";
import { pullRoutes } from "./routes/pulls";
import { repoRoutes } from "./routes/repos";
import { tagRoutes } from "./routes/tags";
import { tokenRoutes } from "./routes/tokens";
import { userRoutes } from "./routes/users";

// Every route the forge serves, in match order (the first match wins:
// /repos/issues/search must come before /repos/{owner}/{repo}, and
// /pulls/{index}.{diffType} before /pulls/{index}).

export const routes: Route[] = [
  api("GET", "/version", (ctx) => json(200, { version: ctx.forge.gitea.release }), ["misc"]),
  ...issueRoutes,
  ...userRoutes,
  ...tokenRoutes,
  ...oauthAppRoutes,
  ...orgRoutes,
  ...repoRoutes,
  ...contentsReadRoutes,
  ...contentsWriteRoutes,
  ...branchRoutes,
  ...tagRoutes,
  ...collaboratorRoutes,
  ...commitRoutes,
  ...pullMergeRoutes,
  ...pullRoutes,
  ...issueCommentRoutes,
  ...hookRouteList,
  ...authorizeRoutes,
  ...accessTokenRoutes,
  ...infoRoutes,
  ...adminRoutes,
];

/** The route table (method + pattern + swagger path) for the contract test. */
export const routeTable = routes.map(({ method, pattern, swagger, admin }) => ({ method, pattern, swagger, admin: Boolean(admin) }));

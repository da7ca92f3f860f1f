import { ensureUser } from "../../../helpers/session";
import { allow, form, SIGNED_IN, type ActionRow, type Exemption, type RouteRow } from "./table";

// App-wide rows: roles (§1), sign-out, the webhook (§4.1), and the exports
// the matrix deliberately does not call.

export const appRows: RouteRow[] = [
  {
    route: "POST /api/webhooks/gitea",
    // Gitea's signature is the only credential here (§4.1): a session does not open it.
    request: async () => ({ params: {}, body: { repository: { full_name: "rfcs/meta" } }, headers: { "x-gitea-event": "push", "x-gitea-delivery": "matrix" } }),
    expect: allow([], 0, 401),
  },
  {
    route: "POST /api/notifications/read",
    // One's own notifications only (§15): everyone signed in, none of anyone else's change.
    // An id of nobody's: the route's string field is exercised (unencodable-input), nothing changes.
    request: async () => ({ params: {}, body: { ids: ["matrix-none"] } }),
    expect: allow(SIGNED_IN, 200),
  },
  {
    route: "PUT /api/notifications/settings",
    request: async () => ({ params: {}, body: { emailMode: "in_app" } }),
    expect: allow(SIGNED_IN, 200),
  },
];

// A user whose role the owner changes; never one of the personas, so other rows keep their roles.
const target = async () => (await ensureUser({ login: "tess" })).login;

export const appActions: ActionRow[] = [
  {
    action: "app/admin/actions.ts#promoteAdmin",
    args: async () => [null, form({ login: await target() })],
    expect: allow(["owner"], 200), // §1 only the owner promotes
  },
  {
    action: "app/admin/actions.ts#demoteAdmin",
    args: async () => [null, form({ login: await target() })],
    expect: allow(["owner"], 200),
  },
  {
    action: "app/signin/actions.ts#signOutAction",
    args: async () => [],
    // Anyone may end their own session; it only expires the cookie, then goes home.
    expect: { ...allow(SIGNED_IN, 303), reader: 303 },
  },
];

export const exemptions: Exemption[] = [
  {
    key: "POST /api/auth/[...nextauth]",
    reason: "next-auth's own sign-in/sign-out endpoints: its CSRF token, state and PKCE checks guard them; tests/e2e/signin.test.ts drives them",
  },
  ...(["POST", "PUT", "PATCH", "DELETE"] as const).map((method) => ({
    key: `${method} /api/[...unknown]`,
    reason: "the /api catch-all changes nothing: every method gets 404 JSON (tests/integration/http/error-shapes.test.ts)",
  })),
];

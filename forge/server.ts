import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { hashPassword } from "./auth";
import { DEFAULT_BEHAVIOUR, type Behaviour } from "./behaviour";
import { Faults } from "./faults";
import type { Forge } from "./forge";
import { createHandler } from "./handle";
import { Locks } from "./locks";
import { OAuthKeys } from "./oauth-keys";
import { giteaProfile } from "./profile";
import { PullQueue } from "./pull-queue";
import { RequestLog } from "./request-log";
import { sha256, Store } from "./store";
import { Webhooks } from "./webhooks";

// The local forge (FORGE.md): a Gitea-compatible server on 127.0.0.1.

export interface ForgeOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  dataDir: string;
  /** ROOT_URL; defaults to the listening URL. */
  rootUrl?: string;
  /** API token of the site admin `forge-admin`; random and persisted by default. */
  adminToken?: string;
  log?: boolean;
  /** FORGE_GITEA_VERSION: `1.22` or `1.24` (the default, the newest); see profile.ts. */
  giteaVersion?: string;
  /** Check delay and webhook order (behaviour.ts); defaults otherwise. */
  behaviour?: Partial<Behaviour>;
}

export interface ForgeHandle {
  url: string;
  port: number;
  adminToken: string;
  forge: Forge;
  close(): Promise<void>;
}

export const ADMIN_LOGIN = "forge-admin";

/** Creates forge-admin on an empty data dir; makes sure `wanted` is one of its tokens. */
function ensureAdmin(store: Store, wanted?: string): string {
  let admin = store.userByName(ADMIN_LOGIN);
  if (!admin) {
    admin = {
      id: store.nextId("user"),
      login: ADMIN_LOGIN,
      email: "forge-admin@forge.local",
      fullName: "Forge Admin",
      passwordHash: hashPassword(randomBytes(16).toString("hex")),
      isAdmin: true,
      mustChangePassword: false,
      created: Date.now(),
      lastLogin: 0,
    };
    store.state.users.push(admin);
  }
  const token = wanted || store.state.adminToken || randomBytes(20).toString("hex");
  if (!store.state.tokens.some((t) => t.hash === sha256(token))) {
    const id = store.nextId("token");
    store.state.tokens.push({ id, userId: admin.id, name: `forge-admin-${id}`, hash: sha256(token), lastEight: token.slice(-8), scopes: ["all"], created: Date.now() });
  }
  if (!store.state.adminToken) store.state.adminToken = token;
  store.save();
  return token;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

/** How long the forge must have been idle for its state file to be written (store.ts). */
const QUIET_MS = 50;

/** How long close() waits for requests and deliveries under way. */
const CLOSE_WAIT_MS = 10_000;

function within(ms: number, work: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function startForge(opts: ForgeOptions): Promise<ForgeHandle> {
  mkdirSync(opts.dataDir, { recursive: true });
  const store = new Store(opts.dataDir);
  const adminToken = ensureAdmin(store, opts.adminToken);
  const forge = {
    store,
    root: "",
    locks: new Locks(),
    gitea: giteaProfile(opts.giteaVersion),
    behaviour: { ...DEFAULT_BEHAVIOUR, ...opts.behaviour },
    keys: new OAuthKeys(opts.dataDir),
    log: Boolean(opts.log),
    faults: new Faults(),
    requests: new RequestLog(),
    oauthCodes: new Map(),
  } as Omit<Forge, "pullQueue" | "webhooks"> as Forge;
  forge.pullQueue = new PullQueue(forge);
  forge.webhooks = new Webhooks(forge, Boolean(opts.log));
  // Requests under way, so close() can wait for them: a handler that went on
  // after its data folder was removed would fail and log after its owner (a
  // test file) had ended.
  const handler = createHandler(forge);
  const inflight = new Set<Promise<void>>();
  let lastActive = 0;
  // A pause: no request under way, and none for QUIET_MS (a webhook's
  // receiver is likely to call back within that).
  store.quiet = () => inflight.size === 0 && Date.now() - lastActive >= QUIET_MS;
  const server = createServer((req, res) => {
    lastActive = Date.now();
    const p = handler(req, res);
    inflight.add(p);
    void p.finally(() => {
      inflight.delete(p);
      lastActive = Date.now();
    });
  });
  server.keepAliveTimeout = 5000;
  const port = await listen(server, opts.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  forge.root = (opts.rootUrl ?? url).replace(/\/*$/, "/");
  return {
    url,
    port,
    adminToken,
    forge,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // Bounded: a teardown must never hang on a request that cannot end.
      await within(CLOSE_WAIT_MS, Promise.allSettled([...inflight]));
      await within(CLOSE_WAIT_MS, forge.webhooks.close());
      await forge.pullQueue.stop();
      store.close();
    },
  };
}

import os from "node:os";
import { z } from "zod";
import { AiConfigError, parseAiSettings, type AiSettings } from "@/lib/ai/models";

// §16 Configuration. The only module that reads process.env for app settings.
// A missing or malformed variable stops the app with one message naming it.

const list = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

const schema = z.object({
  GITEA_URL: z.url(),
  // The address browsers use for Gitea (OAuth authorize page, links). Defaults to GITEA_URL.
  GITEA_PUBLIC_URL: z.url().optional(),
  GITEA_BOT_USER: z.string().min(1),
  GITEA_BOT_TOKEN: z.string().min(1),
  GITEA_ORG: z.string().min(1).default("rfcs"),
  META_REPO: z.string().min(1).default("meta"),
  GITEA_OAUTH_CLIENT_ID: z.string().min(1),
  GITEA_OAUTH_CLIENT_SECRET: z.string().min(1),
  WEBHOOK_SECRET: z.string().min(8, "must be at least 8 characters"),
  // SQLite (file:…, the embedded default) or PostgreSQL (postgresql://…, for several instances).
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must be a SQLite file: URL or a postgresql:// URL")
    .default("file:./data/quorum.db"),
  NEXTAUTH_URL: z.url(),
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters"),
  ADMIN_LOGINS: list,
  RECONCILE_INTERVAL_S: z.coerce.number().int().min(5).default(300),
  // How server processes share events and locks (lib/coordination). `memory`: one process (§2);
  // `redis`: several instances behind a load balancer, through REDIS_URL (the default when it is set).
  COORDINATION: z.enum(["memory", "redis"]).optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL").optional(),
  // This instance's name in /api/health and the reconciler's leadership; host:pid when unset.
  INSTANCE_ID: z.string().min(1).optional(),
  // §3 the final comment period of a motion, in days (fractions allowed: 0.5 is twelve hours).
  FCP_DAYS: z.coerce.number().positive("must be a positive number of days").max(365, "must be at most 365 days").default(10),
  // Test builds only: a file holding the clock's offset, moved by POST /api/test/clock (lib/clock.ts).
  QUORUM_TEST_CLOCK_FILE: z.string().min(1).optional(),
  // The deadline of every Gitea request (lib/gitea/fetch.ts); a read that misses it is retried.
  GITEA_TIMEOUT_S: z.coerce.number().positive("must be a positive number of seconds").max(600, "must be at most 600 seconds").default(15),
  // How long Gitea may take to decide whether a PR can merge before its "no" is taken as a conflict (lib/prs/merge-state.ts).
  GITEA_MERGE_CHECK_S: z.coerce.number().int("must be whole seconds").min(1, "must be at least 1 second").max(3600, "must be at most 3600 seconds").default(20),
  // Optional email (issue 14): both or neither. smtp://user:pass@host:port, smtps://… for TLS.
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().min(3).optional(),
});

export type AppConfig = {
  giteaUrl: string;
  giteaPublicUrl: string;
  botUser: string;
  botToken: string;
  org: string;
  metaRepo: string;
  metaRepoFullName: string;
  oauthClientId: string;
  oauthClientSecret: string;
  webhookSecret: string;
  databaseUrl: string;
  appUrl: string;
  nextAuthSecret: string;
  adminLogins: string[];
  reconcileIntervalS: number;
  coordination: "memory" | "redis";
  redisUrl: string | null;
  /** The reconciler leader's lease (lib/coordination/leadership.ts): a third of an interval, at most 15 s. */
  leaderLeaseMs: number;
  /** This process's name (health, leadership, sweeps). */
  instanceId: string;
  /** §3 length of a motion's final comment period. */
  fcpDays: number;
  /** Test builds only (never set in production): where the movable clock keeps its offset. */
  testClockFile: string | null;
  /** GITEA_TIMEOUT_S in milliseconds: how long one Gitea request may take. */
  giteaTimeoutMs: number;
  /** GITEA_MERGE_CHECK_S in milliseconds: how long a PR's `mergeable: false` reads as "checking" before it is "conflicts". */
  mergeCheckWindowMs: number;
  /** §18 providers and models; `enabled: false` with a reason when none is configured. */
  ai: AiSettings;
  /** Email for notifications (lib/mail); null when SMTP_URL and MAIL_FROM are not both set. */
  mail: { smtpUrl: string; from: string } | null;
  /** Crash tests only: the point where the process kills itself (lib/writes/crash-point.ts); null unless QUORUM_TEST_HOOKS=1. */
  testCrashAt: string | null;
};

// The AI variables (lib/ai/models.ts): part of the cache key below so tests
// that point the app at another provider see it.
const AI_VARIABLES = [
  "OPENAI_API_KEY", "OPENAI_BASE_URL", "AI_COMPAT_BASE_URL", "AI_COMPAT_API_KEY", "AI_COMPAT_NAME",
  "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "AI_MODELS", "AI_DEFAULT_MODEL", "AI_CONTEXT_TOKENS",
  "AI_IDLE_TIMEOUT_S", "AI_TIMEOUT_S", "AI_RATE_PER_MIN",
];

/** The AI settings, their problems folded into the one configuration message (§16). */
function parseAi(env: Record<string, string | undefined>, problems: string[]): AiSettings | null {
  try {
    return parseAiSettings(env);
  } catch (err) {
    if (!(err instanceof AiConfigError)) throw err;
    problems.push(...err.problems);
    return null;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Quorum configuration error: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = schema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const value = env[name];
        return value === undefined || value === "" ? `${name} is missing` : `${name} ${issue.message}`;
      });
  const ai = parseAi(env, problems);
  if (result.success && result.data.COORDINATION === "redis" && !result.data.REDIS_URL) problems.push("REDIS_URL is missing (COORDINATION=redis)");
  if (result.success && !!result.data.SMTP_URL !== !!result.data.MAIL_FROM) problems.push(result.data.SMTP_URL ? "MAIL_FROM is missing (SMTP_URL is set)" : "SMTP_URL is missing (MAIL_FROM is set)");
  if (!result.success || !ai || problems.length) throw new ConfigError(problems);
  const e = result.data;
  const trim = (u: string) => u.replace(/\/+$/, "");
  return {
    giteaUrl: trim(e.GITEA_URL),
    giteaPublicUrl: trim(e.GITEA_PUBLIC_URL ?? e.GITEA_URL),
    botUser: e.GITEA_BOT_USER,
    botToken: e.GITEA_BOT_TOKEN,
    org: e.GITEA_ORG,
    metaRepo: e.META_REPO,
    metaRepoFullName: `${e.GITEA_ORG}/${e.META_REPO}`,
    oauthClientId: e.GITEA_OAUTH_CLIENT_ID,
    oauthClientSecret: e.GITEA_OAUTH_CLIENT_SECRET,
    webhookSecret: e.WEBHOOK_SECRET,
    databaseUrl: e.DATABASE_URL,
    appUrl: trim(e.NEXTAUTH_URL),
    nextAuthSecret: e.NEXTAUTH_SECRET,
    adminLogins: e.ADMIN_LOGINS,
    reconcileIntervalS: e.RECONCILE_INTERVAL_S,
    coordination: e.COORDINATION ?? (e.REDIS_URL ? "redis" : "memory"),
    redisUrl: e.REDIS_URL ?? null,
    // A standby takes over within one interval of the leader's death: the lease runs out, then its next try.
    leaderLeaseMs: Math.min(15_000, Math.round((e.RECONCILE_INTERVAL_S * 1000) / 3)),
    instanceId: e.INSTANCE_ID ?? `${os.hostname()}:${process.pid}`,
    fcpDays: e.FCP_DAYS,
    testClockFile: e.QUORUM_TEST_CLOCK_FILE ?? null,
    giteaTimeoutMs: Math.round(e.GITEA_TIMEOUT_S * 1000),
    mergeCheckWindowMs: e.GITEA_MERGE_CHECK_S * 1000,
    ai,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
    testCrashAt: env.QUORUM_TEST_HOOKS === "1" ? env.QUORUM_TEST_CRASH_AT || null : null,
  };
}

let cached: { env: string; config: AppConfig } | null = null;

/** The parsed configuration; re-parsed when the environment changes (tests). */
export function getConfig(): AppConfig {
  const key = JSON.stringify([
    process.env.GITEA_URL,
    process.env.GITEA_BOT_TOKEN,
    process.env.DATABASE_URL,
    process.env.ADMIN_LOGINS,
    process.env.WEBHOOK_SECRET,
    process.env.NEXTAUTH_URL,
    process.env.REDIS_URL,
    process.env.COORDINATION,
    process.env.INSTANCE_ID,
    process.env.RECONCILE_INTERVAL_S,
    process.env.FCP_DAYS,
    process.env.QUORUM_TEST_CLOCK_FILE,
    process.env.GITEA_TIMEOUT_S,
    process.env.GITEA_MERGE_CHECK_S,
    process.env.SMTP_URL,
    process.env.MAIL_FROM,
    ...AI_VARIABLES.map((name) => process.env[name]),
  ]);
  if (cached?.env !== key) cached = { env: key, config: parseConfig(process.env) };
  return cached.config;
}

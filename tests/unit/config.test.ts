import { ConfigError, parseConfig } from "@/lib/config";
import { problemsOf } from "@/tests/helpers/problems";

// §16: configuration is parsed once with zod; what is missing or malformed is
// named in one message, and nothing is half-configured.

const valid = {
  GITEA_URL: "https://gitea.example.org/",
  GITEA_BOT_USER: "quorum-bot",
  GITEA_BOT_TOKEN: "token",
  GITEA_OAUTH_CLIENT_ID: "client",
  GITEA_OAUTH_CLIENT_SECRET: "secret",
  WEBHOOK_SECRET: "hook-secret",
  NEXTAUTH_URL: "https://rfcs.example.org",
  NEXTAUTH_SECRET: "a-long-enough-secret",
  ADMIN_LOGINS: "carol, dave",
};

const configProblems = (env: Record<string, string | undefined>) => problemsOf(() => parseConfig(env), ConfigError);

test("a complete environment parses, with defaults and trimmed URLs", () => {
  const c = parseConfig(valid);
  expect(c).toMatchObject({
    giteaUrl: "https://gitea.example.org",
    giteaPublicUrl: "https://gitea.example.org",
    org: "rfcs",
    metaRepoFullName: "rfcs/meta",
    databaseUrl: "file:./data/quorum.db",
    adminLogins: ["carol", "dave"],
    reconcileIntervalS: 300,
    giteaTimeoutMs: 15_000,
  });
  expect(c.ai.enabled).toBe(false); // no provider: AI off, the app still starts
});

test("each missing variable is named", () => {
  const { GITEA_BOT_TOKEN: _token, NEXTAUTH_SECRET: _secret, ...rest } = valid;
  expect(configProblems(rest)).toEqual(["GITEA_BOT_TOKEN is missing", "NEXTAUTH_SECRET is missing"]);
});

test("malformed values are named with what is wrong", () => {
  const problems = configProblems({ ...valid, GITEA_URL: "gitea", WEBHOOK_SECRET: "short", DATABASE_URL: "mysql://x", RECONCILE_INTERVAL_S: "soon" });
  expect(problems).toHaveLength(4);
  expect(problems[0]).toMatch(/^GITEA_URL /);
  expect(problems).toContain("WEBHOOK_SECRET must be at least 8 characters");
  expect(problems).toContain("DATABASE_URL must be a SQLite file: URL or a postgresql:// URL");
  expect(problems.some((p) => p.startsWith("RECONCILE_INTERVAL_S "))).toBe(true);
});

test("GITEA_MERGE_CHECK_S: whole seconds from 1 to 3600, 20 by default", () => {
  expect(parseConfig(valid).mergeCheckWindowMs).toBe(20_000);
  expect(parseConfig({ ...valid, GITEA_MERGE_CHECK_S: "90" }).mergeCheckWindowMs).toBe(90_000);
  expect(configProblems({ ...valid, GITEA_MERGE_CHECK_S: "0" })).toEqual(["GITEA_MERGE_CHECK_S must be at least 1 second"]);
  expect(configProblems({ ...valid, GITEA_MERGE_CHECK_S: "1.5" })).toEqual(["GITEA_MERGE_CHECK_S must be whole seconds"]);
  expect(configProblems({ ...valid, GITEA_MERGE_CHECK_S: "7200" })).toEqual(["GITEA_MERGE_CHECK_S must be at most 3600 seconds"]);
});

test("GITEA_TIMEOUT_S: seconds (fractions allowed), positive and at most 600", () => {
  expect(parseConfig({ ...valid, GITEA_TIMEOUT_S: "2.5" }).giteaTimeoutMs).toBe(2500);
  expect(configProblems({ ...valid, GITEA_TIMEOUT_S: "0" })).toEqual(["GITEA_TIMEOUT_S must be a positive number of seconds"]);
  expect(configProblems({ ...valid, GITEA_TIMEOUT_S: "3600" })).toEqual(["GITEA_TIMEOUT_S must be at most 600 seconds"]);
  expect(configProblems({ ...valid, GITEA_TIMEOUT_S: "soon" })).toHaveLength(1);
});

test("the error's message carries every problem in one line", () => {
  expect(() => parseConfig({})).toThrow(/^Quorum configuration error: GITEA_URL is missing; .*NEXTAUTH_URL is missing/);
});

test("coordination: memory by default, redis when REDIS_URL is set (issue 19)", () => {
  expect(parseConfig(valid)).toMatchObject({ coordination: "memory", redisUrl: null, leaderLeaseMs: 15_000 });
  expect(parseConfig({ ...valid, REDIS_URL: "redis://cache:6379/2", RECONCILE_INTERVAL_S: "6", INSTANCE_ID: "web-2" })).toMatchObject({
    coordination: "redis", redisUrl: "redis://cache:6379/2", leaderLeaseMs: 2000, instanceId: "web-2",
  });
  expect(parseConfig({ ...valid, REDIS_URL: "redis://cache:6379", COORDINATION: "memory" }).coordination).toBe("memory");
  expect(configProblems({ ...valid, COORDINATION: "redis" })).toEqual(["REDIS_URL is missing (COORDINATION=redis)"]);
  expect(configProblems({ ...valid, REDIS_URL: "cache:6379" })).toEqual(["REDIS_URL must be a redis:// or rediss:// URL"]);
});

test("email: off by default, on with SMTP_URL and MAIL_FROM together (issue 14)", () => {
  expect(parseConfig(valid).mail).toBeNull();
  expect(parseConfig({ ...valid, SMTP_URL: "smtp://mailer:587", MAIL_FROM: "Quorum <quorum@example.org>" }).mail).toEqual({
    smtpUrl: "smtp://mailer:587",
    from: "Quorum <quorum@example.org>",
  });
  expect(configProblems({ ...valid, SMTP_URL: "smtp://mailer:587" })).toEqual(["MAIL_FROM is missing (SMTP_URL is set)"]);
  expect(configProblems({ ...valid, MAIL_FROM: "quorum@example.org" })).toEqual(["SMTP_URL is missing (MAIL_FROM is set)"]);
  expect(configProblems({ ...valid, SMTP_URL: "mailer:587", MAIL_FROM: "quorum@example.org" })).toEqual(["SMTP_URL must be an smtp:// or smtps:// URL"]);
});

import { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { POST as postMessage } from "@/app/api/threads/[threadId]/messages/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { BACKOFF_S, drainMailOutbox, stopMailOutbox } from "@/lib/mail/outbox";
import { notifyDecision } from "@/lib/notifications/events";
import { DAY_MS, sendDigests } from "@/lib/notifications/digest";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { setupFixture, SUPER, type Fixture } from "../ai/fixture";
import { waitUntil } from "../../helpers/wait";

// Issue 14 email, against a real SMTP server (the smtp-server package on a
// random port): a mail at once with the right subject and link, a daily
// digest grouping a day's events (the clock passed in), and an SMTP server
// that is down never fails the action — the mail waits, a retry delivers it,
// and one given up on shows on /api/health.

type Received = { to: string[]; raw: string };
/** The mail's text with quoted-printable undone (soft line breaks, "=3D"). */
const decoded = (m: Received) => m.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
let fx: Fixture;
let inbox: Received[] = [];
let server: SMTPServer;
let port = 0;

function startSmtp(atPort = 0): Promise<number> {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(atPort, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port)));
}
const stopSmtp = () => new Promise<void>((resolve) => server.close(() => resolve()));

beforeAll(async () => {
  port = await startSmtp();
  fx = await setupFixture({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "Quorum <quorum@example.org>" });
  await fx.cutBranch(SUPER, "mail", "alice");
  for (const login of ["alice", "bob", "carol", "erin"]) await db().user.update({ where: { login }, data: { name: login[0].toUpperCase() + login.slice(1) } });
  await db().user.update({ where: { login: "alice" }, data: { email: "alice@example.org", emailMode: "instant" } });
  await db().user.update({ where: { login: "erin" }, data: { email: "erin@example.org", emailMode: "digest", digestThrough: null } });
});
afterAll(async () => {
  stopMailOutbox();
  await stopSmtp();
  await fx.close();
});

const mention = async (body: string) => {
  const res = await fx.call(postMessage as never, { as: "bob", method: "POST", params: { threadId: await fx.mainThreadId(SUPER, "mail") }, body: { body } });
  expect(res.status).toBe(201);
};

it("email at once: the subject names who acted and where, the body links to the place", async () => {
  await mention("@alice could you check the numbers?");
  const mail = await waitUntil(() => inbox.find((m) => m.to.includes("alice@example.org")), { what: "alice's mail" });
  expect(mail.raw).toMatch(/^Subject: Bob mentioned you on cache-policy \(mail\)\r?$/m);
  expect(mail.raw).toMatch(/^From: Quorum <quorum@example\.org>/m);
  const n = await db().notification.findFirstOrThrow({ where: { kind: "mention", text: { contains: "Bob mentioned" } }, orderBy: { createdAt: "desc" } });
  expect(decoded(mail)).toContain(`${getConfig().appUrl}${n.url}`);
  expect(n.url).toMatch(/^\/rfcs\/cache-policy\?branch=mail&message=/);
  // erin chose the digest: nothing at once.
  expect(inbox.some((m) => m.to.includes("erin@example.org"))).toBe(false);
});

it("the daily digest groups a day's events into one mail, and the next day's into the next", async () => {
  const rfc = await loadRfcOrThrow(SUPER);
  const actor = { login: "bob", name: "Bob" };
  for (const key of ["d1", "d2", "d3"]) await notifyDecision({ kind: "motion", rfc, actor, text: `Bob moved to sign off (${key})`, key, to: ["erin"] });
  const first = new Date();
  expect(await sendDigests(first)).toBe(1);
  const digest = await waitUntil(() => inbox.find((m) => m.to.includes("erin@example.org")), { what: "erin's digest" });
  expect(digest.raw).toMatch(/^Subject: Quorum: 3 notifications/m);
  for (const key of ["d1", "d2", "d3"]) expect(decoded(digest)).toContain(`Bob moved to sign off (${key})`);
  // Not a day later yet: no second digest.
  expect(await sendDigests(new Date(first.getTime() + 60_000))).toBe(0);
  await notifyDecision({ kind: "fcp_started", rfc, actor, text: "Bob started the final comment period", key: "d4", to: ["erin"] });
  // The next digest is due a day after the first (the clock passed in) and holds only what came since.
  expect(await sendDigests(new Date(first.getTime() + DAY_MS))).toBe(1);
  const second = await waitUntil(() => inbox.filter((m) => m.to.includes("erin@example.org"))[1], { what: "erin's second digest" });
  expect(second.raw).toMatch(/^Subject: Quorum: 1 notification /m);
  expect(decoded(second)).toContain("Bob started the final comment period");
  expect(decoded(second)).not.toContain("(d1)");
});

it("SMTP down: the action still succeeds, the mail waits, and a retry delivers it later", async () => {
  await stopSmtp();
  inbox = [];
  const before = new Date();
  await mention("@alice while the mail server is down");
  const row = await waitUntil(
    async () => {
      const r = await db().mailOutbox.findFirst({ where: { to: "alice@example.org", createdAt: { gte: before } } });
      return r && r.attempts >= 1 && r;
    },
    { what: "a failed first attempt" },
  );
  expect(row).toMatchObject({ state: "pending", sentAt: null });
  expect(row.lastError).toBeTruthy();
  expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  port = await startSmtp(port);
  // The back-off's time passes (the clock passed in): the retry delivers.
  await drainMailOutbox(() => new Date(Date.now() + BACKOFF_S[0] * 1000 + 1000));
  await waitUntil(async () => (await db().mailOutbox.findUniqueOrThrow({ where: { id: row.id } })).state === "sent", { what: "the retry to deliver" });
  expect(inbox.filter((m) => m.to.includes("alice@example.org"))).toHaveLength(1);
});

it("a mail given up on after its last retry is logged and shows on /api/health", async () => {
  await stopSmtp();
  const rfc = await loadRfcOrThrow(SUPER);
  await notifyDecision({ kind: "decision_recorded", rfc, actor: { login: "bob", name: "Bob" }, text: "Bob recorded the decision", key: "given-up", to: ["alice"] });
  let clock = Date.now();
  for (let i = 0; i <= BACKOFF_S.length; i++) {
    clock += (BACKOFF_S[i - 1] ?? 0) * 1000 + 1000;
    await drainMailOutbox(() => new Date(clock));
  }
  const row = await db().mailOutbox.findFirstOrThrow({ where: { subject: { startsWith: "Bob recorded the decision" } } });
  expect(row).toMatchObject({ state: "failed", attempts: BACKOFF_S.length + 1 });
  const health = (await (await healthRoute(new Request("http://x/api/health"), { params: Promise.resolve({}) } as never)).json()) as { status: string; mail: { enabled: boolean; failed: { subject: string }[] } };
  expect(health.mail.enabled).toBe(true);
  expect(health.mail.failed.map((f) => f.subject)).toContain(row.subject);
  expect(health.status).toBe("degraded");
  port = await startSmtp(port);
});

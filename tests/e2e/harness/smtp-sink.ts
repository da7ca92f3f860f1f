import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// Email set up for browser tests (issue 14): a real SMTP server (the
// smtp-server package) on a free port that accepts every mail and keeps
// none, so the app runs with SMTP_URL and MAIL_FROM and people can choose
// email on the settings page. What a mail says is tested in
// tests/integration/notifications/email.test.ts.
export async function startSmtpSink(): Promise<Record<string, string>> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      stream.on("end", () => callback());
      stream.resume();
    },
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port)));
  server.server.unref(); // like the fake AI: it ends with the test run
  return { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "Quorum <quorum@e2e.test>" };
}

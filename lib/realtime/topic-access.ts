import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { loadRfcBranchOrThrow } from "@/lib/branches/context";
import { AppError, notFound } from "@/lib/http/errors";
import { loadRfcOrThrow } from "@/lib/rfcs/context";
import { loadThreadOrThrow } from "@/lib/threads/access";
import { MY_NOTIFICATIONS, flagsTopic, parseTopic, rfcTopic, userTopic } from "./topics";

// Who may follow which live stream: exactly who may read what it carries
// (§6) — a private branch's thread or cards are a 404 to others, an RFC's
// lifecycle is for whoever can read the RFC, its flags for its owners,
// arbiters and admins, notifications for their recipient. Returns the
// topic's name in the log.

export async function authorizeTopic(name: string, user: Actor | null): Promise<string> {
  if (name === MY_NOTIFICATIONS) {
    if (!user) throw new AppError("unauthorized", "Sign in to follow your notifications");
    return userTopic(user.id);
  }
  const ref = parseTopic(name);
  if (!ref) throw new AppError("bad_request", `Unknown live topic: ${name}`, { field: "topics" });
  switch (ref.kind) {
    case "thread":
      await loadThreadOrThrow(ref.threadId, user);
      return name;
    case "branch":
      await loadRfcBranchOrThrow(ref.slug, ref.branch, user);
      return name;
    case "rfc":
      return rfcTopic((await loadRfcOrThrow(ref.slug)).slug);
    case "flags": {
      const rfc = await loadRfcOrThrow(ref.slug);
      assertCan(user, "resolve_flag", { rfc: rfc.scope });
      return flagsTopic(rfc.slug);
    }
    case "user":
      if (user?.id !== ref.userId) throw notFound("Not found");
      return name;
  }
}

import { publishEphemeral } from "@/lib/realtime/publish";
import { rfcTopic } from "@/lib/realtime/topics";

// What one person does to an RFC's lifecycle (a claim, a motion, a sign-off,
// a concern, a decision) reaches everyone who has the RFC open: the cache
// refresh that follows every write — the app's own or a webhook's — announces
// the slugs it touched on the RFC's live topic, which a page follows on its
// one live connection (GET /api/live). The event only says "read it again":
// what each viewer may do differs (GET …/lifecycle). It is not logged: a page
// reads the lifecycle again whenever its connection comes (back) up.

export function announceRfcChanged(slugs: Iterable<string>): void {
  for (const slug of new Set(slugs)) publishEphemeral({ topic: rfcTopic(slug), type: "changed", data: { slug } });
}

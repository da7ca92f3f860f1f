import { channel } from "@/lib/coordination/bus";

// What one person does to an RFC's lifecycle (a claim, a motion, a sign-off,
// a concern, a decision) reaches everyone who has the RFC open: the cache
// refresh that follows every write — the app's own or a webhook's — announces
// the slugs it touched on the app's one bus, and
// GET /api/rfcs/{slug}/lifecycle/events passes it on.

const rfcEvents = channel<{ slug: string }>("rfc");

export function announceRfcChanged(slugs: Iterable<string>): void {
  for (const slug of new Set(slugs)) rfcEvents.publish(slug, { slug });
}

export const onRfcChanged = (slug: string, listener: () => void): (() => void) => rfcEvents.subscribe(slug, () => listener());

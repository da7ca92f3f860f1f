import { channel } from "@/lib/coordination/bus";

// What travels on the app's one bus for a live stream (lib/coordination): the
// event with its sequence number in the topic, so every subscriber — in this
// process or another — can tell a duplicate or a gap. Ephemeral events (an
// AI reply's text while it streams) carry no number of their own: they
// repeat state a later numbered event carries in full.

export type LiveMessage = { seq: number | null; type: string; data: unknown };

export const liveBus = channel<LiveMessage>("live");

import type { FlagKind } from "@/lib/rfc-view/api-types";

// §8.13 the reasons a message or passage can be flagged for.
export const FLAG_KINDS: { kind: FlagKind; label: string; hint: string }[] = [
  { kind: "needs_arbiter", label: "Needs an arbiter", hint: "A decision only an arbiter can make" },
  { kind: "blocking", label: "Blocking concern", hint: "This must be settled before the RFC moves on" },
  { kind: "off_topic", label: "Off-topic", hint: "Belongs somewhere else" },
];

export const flagLabel = (k: FlagKind) => FLAG_KINDS.find((f) => f.kind === k)?.label ?? k;

// Events of the §18 change-protocol parser (lib/changes/parser.ts).

export type TextEvent = { type: "text"; text: string };
export type ChangeEvent = { type: "change"; index: number; original: string; proposed: string; reason: string };
export type MalformedEvent = { type: "malformed"; index: number; raw: string; reason: string };
export type ParseEvent = TextEvent | ChangeEvent | MalformedEvent;

// The JSON contracts of docs/API.md, declared once: the lib/ functions that
// build an answer return these types and the components that read it import
// them from here. Types only (and the flag kinds): safe in client bundles.
export type { AiStatus } from "./ai";
export type { BranchSummary, MergeConflictDetails, MergePiece, PrRef } from "./branches";
export type { Change, ChangeAttempt, ChangeStatus } from "./changes";
export type { LifecycleMetaPr, LifecycleView, LifecycleViewer, MotionStatusView, MotionView, TimelineItem, TimelineKind } from "./lifecycle";
export type { RfcListPage, RfcView } from "./rfcs";
export type { DocumentAtHead, FlushAnswer } from "./documents";
export { FLAG_KIND_TEXT, FLAG_KINDS, type Flag, type FlagKind } from "./flags";
export type { Anchor, Message, ThreadSummary } from "./threads";
export type { UserRef } from "./users";
export { EMAIL_MODES, NOTIFICATION_KINDS, type EmailMode, type MailSettings, type NotificationKind, type NotificationView } from "./notifications";

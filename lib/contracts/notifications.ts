// §15 notifications and issue 14's email choice, as docs/API.md declares them.

/** The events a person is notified of; each names who acted (§15.9: a person, never the bot). */
export const NOTIFICATION_KINDS = [
  "change_accepted", // your change (a card the AI proposed at your request) was accepted
  "change_declined",
  "mention", // @login in a message
  "pr_opened", // a PR on an RFC you own
  "pr_merged",
  "idea_merged", // your idea became a super-draft
  "idea_declined", // … or was declined, with the reason
  "claim_review", // a claim to review (owners, admins; §13.1)
  "graduated", // graduation finished (§13.5)
  "flag", // a flag on your RFC (§8.13)
  // The decision events (issue 11), sent through notifyDecision (lib/notifications/decisions.ts).
  "motion", // a motion to sign off
  "signoff_requested",
  "concern_raised",
  "fcp_started", // final comment period started
  "decision_recorded", // accepted or rejected by hand or when the period ran out; postponed
  "withdrawn", // the RFC was withdrawn (§3 state 5)
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** docs/API.md Notification: what the bell and its list show. */
export type NotificationView = {
  id: string;
  kind: NotificationKind;
  actor: { login: string; name: string };
  rfcSlug: string | null;
  branch: string | null;
  prNumber: number | null;
  text: string;
  /** The place, as an app path: the card, the message, the RFC. */
  url: string;
  read: boolean;
  createdAt: string;
};

/** How notifications reach a person besides the bell: the bell only, an email at once, a daily digest. */
export const EMAIL_MODES = ["in_app", "instant", "digest"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export type MailSettings = { emailMode: EmailMode; email: string; mailEnabled: boolean };

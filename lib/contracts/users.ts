/** A person as every JSON answer names one (docs/API.md UserRef). */
export type UserRef = { login: string; name: string; avatarUrl: string };

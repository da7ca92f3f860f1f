// The person the bot acts for (§6.5). `userId` is null for system work
// such as the reconciler or demo seeding.
export type BotActor = { userId: number | null; login: string; name: string };

export function actorFrom(user: { id: number; login: string; name?: string | null }): BotActor {
  return { userId: user.id, login: user.login, name: user.name || user.login };
}

// When this server process started: work begun before it (a write still
// open, a reply still streaming) belongs to a process that is gone (§4.2:
// one process). On globalThis, the same for every bundle of the server.
const g = globalThis as unknown as { quorumProcessStartedAt?: Date };
export const processStartedAt: Date = (g.quorumProcessStartedAt ??= new Date());

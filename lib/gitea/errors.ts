// A failed Gitea call: the HTTP status (0 when Gitea could not be reached)
// and Gitea's own message.
export class GiteaError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly operation: string,
  ) {
    super(message);
    this.name = "GiteaError";
  }

  get isNotFound() {
    return this.status === 404;
  }
}

type GiteaBody = { message?: unknown; error?: unknown } | null | undefined;

/** Turns whatever gitea-js threw (an HttpResponse or a network error) into a GiteaError. */
export function toGiteaError(err: unknown, operation: string): GiteaError {
  if (err instanceof GiteaError) return err;
  if (err && typeof err === "object" && "status" in err && typeof (err as Response).status === "number") {
    const res = err as Response & { error?: GiteaBody };
    const body = res.error;
    const message =
      body && typeof body === "object" && typeof body.message === "string" && body.message
        ? body.message
        : res.statusText || `HTTP ${res.status}`;
    return new GiteaError(res.status, message, operation);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new GiteaError(0, `Gitea is unreachable (${message})`, operation);
}

/**
 * No answer or a 5xx: a write may have happened although the call failed
 * (a lost answer, a timeout; 1.22's 500 for a lost race, FACTS §7.5).
 */
export const mayHaveLanded = (err: unknown) => err instanceof GiteaError && (err.status === 0 || err.status >= 500);

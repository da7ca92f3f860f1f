import { giteaApi, type Api, type HttpResponse } from "gitea-js";
import { getConfig } from "@/lib/config";
import { toGiteaError } from "./errors";
import { giteaFetch } from "./fetch";

export type GiteaApi = Api<unknown>;

/** A gitea-js client; the bot's token unless another is given. */
export function giteaClient(token?: string): GiteaApi {
  const config = getConfig();
  return giteaApi(config.giteaUrl, { token: token ?? config.botToken, customFetch: giteaFetch });
}

/** Runs one gitea-js call and unwraps its data, mapping failures to GiteaError. */
export async function call<T>(operation: string, run: () => Promise<HttpResponse<T, unknown>>): Promise<T> {
  try {
    const res = await run();
    return res.data;
  } catch (err) {
    throw toGiteaError(err, operation);
  }
}

/** Like call(), but a 404 answers null. */
export async function callOrNull<T>(operation: string, run: () => Promise<HttpResponse<T, unknown>>): Promise<T | null> {
  try {
    return await call(operation, run);
  } catch (err) {
    if (err && typeof err === "object" && "status" in err && (err as { status: number }).status === 404) return null;
    throw err;
  }
}

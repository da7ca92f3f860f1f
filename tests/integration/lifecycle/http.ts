import { POST as decisionPost } from "@/app/api/rfcs/[slug]/decision/route";
import { GET as lifecycleGet } from "@/app/api/rfcs/[slug]/lifecycle/route";
import { GET as liveGet } from "@/app/api/live/route";
import { POST as metadataPost } from "@/app/api/rfcs/[slug]/metadata/route";
import { POST as cancelPost } from "@/app/api/rfcs/[slug]/motion/cancel/route";
import { POST as resolvePost } from "@/app/api/rfcs/[slug]/motion/concerns/[concernId]/resolve/route";
import { POST as concernPost } from "@/app/api/rfcs/[slug]/motion/concerns/route";
import { POST as motionPost } from "@/app/api/rfcs/[slug]/motion/route";
import { POST as signOffPost } from "@/app/api/rfcs/[slug]/motion/sign-off/route";
import { POST as closePost } from "@/app/api/rfcs/[slug]/prs/[number]/close/route";
import { POST as mergePost } from "@/app/api/rfcs/[slug]/prs/[number]/merge/route";
import { POST as branchesPost } from "@/app/api/rfcs/[slug]/branches/route";
import { POST as withdrawPost } from "@/app/api/rfcs/[slug]/withdraw/route";
import { POST as claimPost } from "@/app/api/rfcs/[slug]/claim/route";
import { getConfig } from "@/lib/config";
import type { LifecycleView } from "@/lib/contracts/lifecycle";
import { rfcTopic } from "@/lib/realtime/topics";
import { callRoute, type Outcome } from "../auth/matrix/invoke";
import { sessionCookieFor } from "../../helpers/session";

// The lifecycle routes called in-process as each person (a real session cookie, same origin).

type Handler = Parameters<typeof callRoute>[0];
const as = async (login: string | null) => (login ? sessionCookieFor({ login }) : "");

async function post(handler: unknown, path: string, params: Record<string, string>, login: string | null, body?: unknown): Promise<Outcome> {
  return callRoute(handler as Handler, { method: "POST", path, params, body: body ?? {}, cookie: await as(login) });
}

export type Body = { error?: { code: string; message: string; details?: Record<string, unknown> }; lifecycle?: LifecycleView } & Record<string, unknown>;
export const bodyOf = (o: Outcome) => o.body as Body;

const r = (slug: string) => `/api/rfcs/${slug}`;
export const http = {
  metadata: (slug: string, login: string | null, body: unknown) => post(metadataPost, `${r(slug)}/metadata`, { slug }, login, body),
  withdraw: (slug: string, login: string | null, body: unknown) => post(withdrawPost, `${r(slug)}/withdraw`, { slug }, login, body),
  decision: (slug: string, login: string | null, body: unknown) => post(decisionPost, `${r(slug)}/decision`, { slug }, login, body),
  motion: (slug: string, login: string | null, body: unknown) => post(motionPost, `${r(slug)}/motion`, { slug }, login, body),
  signOff: (slug: string, login: string | null) => post(signOffPost, `${r(slug)}/motion/sign-off`, { slug }, login),
  concern: (slug: string, login: string | null, body: unknown) => post(concernPost, `${r(slug)}/motion/concerns`, { slug }, login, body),
  resolve: (slug: string, concernId: string, login: string | null) => post(resolvePost, `${r(slug)}/motion/concerns/${concernId}/resolve`, { slug, concernId }, login),
  cancel: (slug: string, login: string | null, body: unknown = {}) => post(cancelPost, `${r(slug)}/motion/cancel`, { slug }, login, body),
  merge: (slug: string, n: number, login: string | null, body: unknown = {}) => post(mergePost, `${r(slug)}/prs/${n}/merge`, { slug, number: String(n) }, login, body),
  close: (slug: string, n: number, login: string | null, body: unknown = {}) => post(closePost, `${r(slug)}/prs/${n}/close`, { slug, number: String(n) }, login, body),
  claim: (slug: string, login: string | null) => post(claimPost, `${r(slug)}/claim`, { slug }, login),
  cutBranch: (slug: string, login: string | null, name: string) => post(branchesPost, `${r(slug)}/branches`, { slug }, login, { name }),
  async lifecycle(slug: string, login: string | null = null): Promise<LifecycleView> {
    const res = await callRoute(lifecycleGet as Handler, { method: "GET", path: `${r(slug)}/lifecycle`, params: { slug }, cookie: await as(login) });
    if (res.status !== 200) throw new Error(`lifecycle → ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { lifecycle: LifecycleView }).lifecycle;
  },
  /** Follows the RFC's live topic as a page does, signed out (GET /api/live); `next(event)` resolves with the first event of that name. */
  async events(slug: string) {
    const controller = new AbortController();
    const req = new Request(`${getConfig().appUrl}/api/live?topics=${encodeURIComponent(rfcTopic(slug))}&since=0`, { signal: controller.signal });
    const res = await (liveGet as unknown as (req: Request, ctx: { params: Promise<object> }) => Promise<Response>)(req, { params: Promise.resolve({}) });
    if (res.status !== 200) throw new Error(`GET /api/live → ${res.status} ${await res.text()}`);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    const next = async (event: string): Promise<unknown> => {
      for (;;) {
        const at = buffer.indexOf("\n\n");
        if (at !== -1) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const name = /^event: (.+)$/m.exec(block)?.[1];
          if (name === event) return JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? "null");
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before "${event}"`);
        buffer += decoder.decode(value, { stream: true });
      }
    };
    return { status: res.status, next, close: () => controller.abort() };
  },
};

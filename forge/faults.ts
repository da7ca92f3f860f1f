// Fault injection (tests only, off by default): the Nth matching request from
// now fails with a chosen status and/or is delayed, `times` times in a row.
// `corrupt` lets a contents write land with other bytes than were sent (each
// base64 `content` gets a line appended), as a server-side hook or filter
// rewriting files would: the answer's blob shas then differ from the bytes
// the caller hashed.
// `phase` says when it fails: before the request is handled (the default),
// after it was handled — its Git write landed and its webhooks go out, but
// the caller gets the error, as when a response is lost — or, for a contents
// write, by losing a race: another commit lands on the branch just before
// the write moves it (FACTS §7.5).
// `hold` keeps the matching request waiting until the test releases the
// fault: a caller's work stays in flight for exactly as long as a test needs,
// where a delay would only bet on how fast the machine is.

export const FAULT_PHASES = ["before", "after", "race"] as const;
export type FaultPhase = (typeof FAULT_PHASES)[number];

export interface FaultSpec {
  method?: string;
  /** A regex when it starts with "^", else a glob on the path ("*" = one segment's chars, "**" = anything). */
  path: string;
  nth?: number;
  status?: number;
  message?: string;
  delayMs?: number;
  times?: number;
  corrupt?: boolean;
  /** Only requests whose body holds this text count (e.g. one branch's writes, which share their path with every other). */
  bodyIncludes?: string;
  phase?: FaultPhase;
  /** The request waits until the fault is released (POST /_forge/faults/{id}/release, or DELETE /_forge/faults). */
  hold?: boolean;
}

export interface Fault extends FaultSpec {
  id: number;
  seen: number;
  fired: number;
  regex: RegExp;
  /** Held requests waiting now; a released fault holds no more. */
  waiting: number;
  released: boolean;
}

export function pathPattern(path: string): RegExp {
  if (path.startsWith("^")) return new RegExp(path);
  let re = "";
  for (let i = 0; i < path.length; i++) {
    if (path.startsWith("**", i)) {
      re += ".*";
      i++;
    } else if (path[i] === "*") re += "[^/]*";
    else if (path[i] === "?") re += "[^/]";
    else re += path[i].replace(/[.+^$(){}|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

export class Faults {
  private list: Fault[] = [];
  private seq = 0;
  private held = new Map<number, (() => void)[]>();

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: ++this.seq, seen: 0, fired: 0, regex: pathPattern(spec.path), waiting: 0, released: false };
    this.list.push(fault);
    return fault;
  }

  all(): Omit<Fault, "regex">[] {
    return this.list.map(({ regex: _regex, ...f }) => f);
  }

  /** Held requests go on; false when no fault has this id. */
  release(id: number): boolean {
    const fault = this.list.find((f) => f.id === id);
    if (!fault) return false;
    fault.released = true;
    fault.waiting = 0;
    for (const go of this.held.get(id) ?? []) go();
    this.held.delete(id);
    return true;
  }

  clear(): void {
    for (const f of this.list) this.release(f.id);
    this.list = [];
  }

  /** Resolves when a `hold` fault that fired is released (at once for any other). */
  wait(fault: Fault): Promise<void> {
    if (!fault.hold || fault.released) return Promise.resolve();
    fault.waiting++;
    return new Promise((resolve) => this.held.set(fault.id, [...(this.held.get(fault.id) ?? []), resolve]));
  }

  /** Counts the request against every matching fault; returns the first that fires. */
  check(method: string, path: string, body?: Buffer): Fault | null {
    let hit: Fault | null = null;
    for (const f of this.list) {
      if (f.method && f.method.toUpperCase() !== method) continue;
      if (!f.regex.test(path)) continue;
      if (f.bodyIncludes !== undefined && !body?.includes(f.bodyIncludes)) continue;
      f.seen++;
      const nth = f.nth ?? 1;
      if (!hit && f.seen >= nth && f.fired < (f.times ?? 1)) {
        f.fired++;
        hit = f;
      }
    }
    return hit;
  }
}

const CORRUPTION = "\n<!-- rewritten by the forge (fault injection) -->\n";

/** The `corrupt` fault: the same JSON body with every base64 `content` (top level and in `files`) altered. */
export function corruptContents(raw: Buffer): Buffer {
  let body: { content?: unknown; files?: { content?: unknown }[] };
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    return raw;
  }
  const alter = (b64: unknown) => (typeof b64 === "string" ? Buffer.concat([Buffer.from(b64, "base64"), Buffer.from(CORRUPTION)]).toString("base64") : b64);
  if ("content" in body) body.content = alter(body.content);
  for (const f of Array.isArray(body.files) ? body.files : []) if (f && "content" in f) f.content = alter(f.content);
  return Buffer.from(JSON.stringify(body));
}

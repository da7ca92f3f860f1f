// Fault injection (tests only, off by default): the Nth matching request from
// now fails with a chosen status and/or is delayed, `times` times in a row.

export interface FaultSpec {
  method?: string;
  /** A regex when it starts with "^", else a glob on the path ("*" = one segment's chars, "**" = anything). */
  path: string;
  nth?: number;
  status?: number;
  message?: string;
  delayMs?: number;
  times?: number;
}

export interface Fault extends FaultSpec {
  id: number;
  seen: number;
  fired: number;
  regex: RegExp;
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

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: ++this.seq, seen: 0, fired: 0, regex: pathPattern(spec.path) };
    this.list.push(fault);
    return fault;
  }

  all(): Omit<Fault, "regex">[] {
    return this.list.map(({ regex: _regex, ...f }) => f);
  }

  clear(): void {
    this.list = [];
  }

  /** Counts the request against every matching fault; returns the first that fires. */
  check(method: string, path: string): Fault | null {
    let hit: Fault | null = null;
    for (const f of this.list) {
      if (f.method && f.method.toUpperCase() !== method) continue;
      if (!f.regex.test(path)) continue;
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

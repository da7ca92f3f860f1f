// Request accounting for tests and benchmarks: a counter per route
// ("METHOD pattern") and a log of recent requests. Admin requests are not counted.

export interface LoggedRequest {
  method: string;
  path: string;
  route: string;
  status: number;
  ms: number;
  at: string;
}

const MAX_LOG = 2000;

export class RequestLog {
  counts: Record<string, number> = {};
  total = 0;
  log: LoggedRequest[] = [];

  record(entry: Omit<LoggedRequest, "at">): void {
    const key = `${entry.method} ${entry.route}`;
    this.counts[key] = (this.counts[key] ?? 0) + 1;
    this.total++;
    this.log.push({ ...entry, at: new Date().toISOString() });
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }

  reset(): void {
    this.counts = {};
    this.total = 0;
    this.log = [];
  }
}

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emptyState, type OrgRec, type RepoRec, type State, type UserRec } from "./types";

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const lower = (s: string) => s.toLowerCase();

/** How often a pending state write looks for a pause, and the longest it waits for one. */
const SAVE_CHECK_MS = 50;
const SAVE_MAX_DELAY_MS = 2000;

/**
 * The forge's metadata, kept in memory and written to `<dataDir>/.forge/state.json`
 * atomically (temp file + rename) once the forge is between requests after a
 * change (at most SAVE_MAX_DELAY_MS later); close() writes what is pending.
 * Git data lives in the bare repositories at `<dataDir>/<owner>/<repo>.git`.
 */
export class Store {
  state: State;
  readonly file: string;
  /** Whether the forge is between requests (the server tells). */
  quiet: () => boolean = () => true;
  private changedAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, ".forge", "state.json");
    mkdirSync(path.dirname(this.file), { recursive: true });
    this.state = existsSync(this.file) ? { ...emptyState(), ...JSON.parse(readFileSync(this.file, "utf8")) } : emptyState();
  }

  get isEmpty(): boolean {
    return this.state.users.length === 0;
  }

  /**
   * Marks the state changed. With 10,000 repos a write is megabytes of JSON
   * (about 18 ms of blocked event loop, where Gitea updates one database
   * row), so it waits for a pause between requests instead of delaying one.
   */
  save(): void {
    if (this.closed) return this.write();
    this.changedAt ??= Date.now();
    this.arm();
  }

  /** Writes a pending change now; no more deferred writes after it (the forge is closing). */
  close(): void {
    this.closed = true;
    this.flush();
  }

  private arm(): void {
    this.timer ??= setTimeout(() => this.tick(), SAVE_CHECK_MS).unref();
  }

  private tick(): void {
    this.timer = null;
    if (this.changedAt === null) return;
    if (!this.quiet() && Date.now() - this.changedAt < SAVE_MAX_DELAY_MS) return this.arm();
    try {
      this.flush();
    } catch (err) {
      // The data folder was removed under a forge nobody closed (a test's
      // temporary forge): there is nothing left to keep.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.changedAt === null) return;
    this.changedAt = null;
    this.write();
  }

  private write(): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.file);
  }

  nextId(kind: string): number {
    const id = (this.state.seq[kind] ?? 0) + 1;
    this.state.seq[kind] = id;
    return id;
  }

  repoDir(owner: string, name: string): string {
    return path.join(this.dataDir, lower(owner), `${lower(name)}.git`);
  }

  userByName(login: string): UserRec | undefined {
    return this.state.users.find((u) => lower(u.login) === lower(login));
  }

  userById(id: number): UserRec | undefined {
    return this.state.users.find((u) => u.id === id);
  }

  userByEmail(email: string): UserRec | undefined {
    return this.state.users.find((u) => lower(u.email) === lower(email));
  }

  orgByName(name: string): OrgRec | undefined {
    return this.state.orgs.find((o) => lower(o.name) === lower(name));
  }

  orgById(id: number): OrgRec | undefined {
    return this.state.orgs.find((o) => o.id === id);
  }

  /** Whether a user or org already uses this name. */
  nameTaken(name: string): boolean {
    return Boolean(this.userByName(name) || this.orgByName(name));
  }

  repo(owner: string, name: string): RepoRec | undefined {
    return this.state.repos.find((r) => lower(r.ownerName) === lower(owner) && lower(r.name) === lower(name));
  }

  repoById(id: number): RepoRec | undefined {
    return this.state.repos.find((r) => r.id === id);
  }

  isOrgMember(orgId: number, userId: number): boolean {
    return Boolean(this.orgById(orgId)?.members.includes(userId));
  }

  orgsOf(userId: number): OrgRec[] {
    return this.state.orgs.filter((o) => o.members.includes(userId));
  }
}

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emptyState, type OrgRec, type RepoRec, type State, type UserRec } from "./types";

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const lower = (s: string) => s.toLowerCase();

/**
 * The forge's metadata, kept in memory and written to `<dataDir>/.forge/state.json`
 * atomically (temp file + rename) after every mutation. Git data lives in the
 * bare repositories at `<dataDir>/<owner>/<repo>.git`.
 */
export class Store {
  state: State;
  readonly file: string;

  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, ".forge", "state.json");
    mkdirSync(path.dirname(this.file), { recursive: true });
    this.state = existsSync(this.file) ? { ...emptyState(), ...JSON.parse(readFileSync(this.file, "utf8")) } : emptyState();
  }

  get isEmpty(): boolean {
    return this.state.users.length === 0;
  }

  save(): void {
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

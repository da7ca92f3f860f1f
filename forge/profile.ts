// Which Gitea release the forge behaves like (FORGE_GITEA_VERSION, FACTS §7):
// `1.22` or the newest release FACTS.md was checked against (`1.24`, the
// default). Only what differs between them lives here; everything else is
// the same in both.

export const GITEA_VERSIONS = ["1.22", "1.24"] as const;
export type GiteaVersion = (typeof GITEA_VERSIONS)[number];
export const NEWEST_GITEA: GiteaVersion = "1.24";

export interface GiteaProfile {
  version: GiteaVersion;
  /** What GET /version answers (the releases FACTS.md §7 was read from). */
  release: string;
  /** GET /compare/{base}...{head} resolves commit ids (go-gitea/gitea#32801, v1.23.0); 1.22: names only, else 404 (§7.1). */
  compareByCommitId: boolean;
  /**
   * 1.22's contents error mapping (routers/api/v1/repo/file.go): its
   * handleCreateOrUpdateFileError leaves "file does not exist" (PUT, POST
   * /contents) and a bad base64 body unmapped, a 500 with an empty message,
   * and its DeleteFile answers a stale sha with 400 (§5, §7.5). Newer
   * handleChangeRepoFilesError gives 404, 422 and 422.
   */
  legacyContentsErrors: boolean;
  /** X-Gitea-Hook-Installation-Target-Type on deliveries (go-gitea/gitea#33752, 1.24+; §1). */
  hookTargetTypeHeader: boolean;
}

const PROFILES: Record<GiteaVersion, GiteaProfile> = {
  "1.22": { version: "1.22", release: "1.22.6", compareByCommitId: false, legacyContentsErrors: true, hookTargetTypeHeader: false },
  "1.24": { version: "1.24", release: "1.24.7", compareByCommitId: true, legacyContentsErrors: false, hookTargetTypeHeader: true },
};

export const isGiteaVersion = (v: string): v is GiteaVersion => (GITEA_VERSIONS as readonly string[]).includes(v);

/** The profile of a FORGE_GITEA_VERSION value (empty = the newest); throws on anything else. */
export function giteaProfile(version?: string | null): GiteaProfile {
  const v = (version ?? "").trim() || NEWEST_GITEA;
  if (!isGiteaVersion(v)) throw new Error(`FORGE_GITEA_VERSION must be one of ${GITEA_VERSIONS.join(", ")} (got "${version}")`);
  return PROFILES[v];
}

// The one typed wrapper over gitea-js that all other code uses.
export { GiteaError, toGiteaError, mayHaveLanded } from "./errors";
export { encodeBase64, decodeBase64 } from "./base64";
export { giteaClient, call, callOrNull, type GiteaApi } from "./client";
export { giteaFetch, giteaRequestCount, GiteaTimeout } from "./fetch";
export { paginate, PAGE_LIMIT } from "./pager";
export { readFile, listDir, changeFiles, splitFullName, type RepoRef, type FileAtRef } from "./contents";
export { readArchiveFolder } from "./archive";
export { listBranches, getBranch, createBranch, deleteBranch } from "./branches";
export { listPulls, getPull, createPull, setPullState, mergePull, type PullState } from "./pulls";
export { getRepo, createOrgRepo, deleteRepo, editRepo, archiveRepo, reposUpdatedSince, orgReposUntil, listOrgRepos } from "./repos";
export { searchPullsUpdatedSince, commentOnIssue } from "./issues";
export { getOrg } from "./orgs";
export { listCollaborators, addCollaborator, removeCollaborator, type CollaboratorPermission } from "./collaborators";
export { listTags, createTag, deleteTag } from "./tags";
export { listCommits, countCommits, listCommitsSince, filesChangedBetween, type CommitSummary } from "./commits";
export { findUserLogin } from "./users";

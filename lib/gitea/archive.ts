import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { HttpResponse } from "gitea-js";
import { extract } from "tar-stream";
import { call, giteaClient } from "./client";
import { fileOfBytes, type FileAtRef, type RepoRef } from "./contents";

/**
 * The text files under `folder` at `ref`, from one download of the repo's
 * archive (GET …/archive/<ref>.tar.gz) instead of a request per file: how a
 * first fill reads 10,000 meta entries (issue 15). Gitea puts every path in a
 * folder named after the repo ([repository] PREFIX_ARCHIVE_FILES, on by
 * default); it is taken off when present. Each file's blob sha is computed
 * from its bytes, as Git names the blob.
 */
export async function readArchiveFolder({ owner, repo }: RepoRef, ref: string, folder: string): Promise<Map<string, FileAtRef>> {
  const data = await call(`archive ${owner}/${repo}@${ref.slice(0, 12)}`, () =>
    giteaClient().repos.repoGetArchive(owner, repo, `${ref}.tar.gz`, { format: "arrayBuffer" }) as unknown as Promise<HttpResponse<ArrayBuffer, unknown>>,
  );
  const prefix = `${repo.toLowerCase()}/`;
  const under = folder.replace(/\/?$/, "/");
  const files = new Map<string, FileAtRef>();
  const tar = extract();
  tar.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: unknown) => void chunks.push(c as Buffer));
    stream.on("end", () => {
      const name = header.name.startsWith(prefix) ? header.name.slice(prefix.length) : header.name;
      if (header.type === "file" && name.startsWith(under)) {
        files.set(name, fileOfBytes(Buffer.concat(chunks)));
      }
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    tar.on("finish", resolve);
    tar.on("error", reject);
    const gunzip = createGunzip().on("error", reject);
    Readable.from([Buffer.from(data)]).pipe(gunzip).pipe(tar);
  });
  return files;
}

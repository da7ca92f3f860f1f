import os from "node:os";
import path from "node:path";

export const templateDbPath = () => path.join(os.tmpdir(), `quorum-test-template-${process.env.USER ?? "u"}.db`);

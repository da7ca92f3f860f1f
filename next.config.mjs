import { withEditorCompileHints } from "./scripts/compile-hints.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and wasm-backed packages must stay outside the server bundle (STACK.md);
  // so must jsdom (the server side of isomorphic-dompurify: it reads its own files at run time).
  // ioredis and redis-semaphore (COORDINATION=redis) and the PostgreSQL client (DATABASE_URL=postgresql://)
  // are plain Node libraries and a generated client, loaded as they are.
  serverExternalPackages: ["better-sqlite3", "@prisma/client", ".prisma/client", "@prisma/adapter-better-sqlite3", "isomorphic-dompurify", "jsdom", "ioredis", "redis-semaphore", ".prisma/client-pg", "@prisma/adapter-pg", "pg"],
  // A separate build folder lets the e2e suite build while `npm run dev` runs.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 (the admin page, §1).
  experimental: { authInterrupts: true },
  // The editor's code is compiled as it loads, not when the first editor runs (scripts/compile-hints.mjs).
  webpack: (config, { dev, isServer }) => (dev || isServer ? config : withEditorCompileHints(config)),
};

export default nextConfig;

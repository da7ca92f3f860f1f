import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { FlatCompat } from "@eslint/eslintrc";

const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) });

const config = [
  { ignores: ["node_modules/**", ".next/**", ".next-*/**", "data/**", "next-env.d.ts", "tests/e2e/screenshots/**"] },
  ...compat.extends("next/core-web-vitals", "next/typescript"),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // One way to link to a page of the app: components/ui/link.tsx, prefetched on intent, not on sight (issue 15).
    files: ["app/**", "components/**"],
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "use Link from @/components/ui/link: it prefetches when a reader reaches for the link" }] }],
    },
  },
  {
    // Browser tests set up through the forge or the app's routes, as people do: never the app's database.
    files: ["tests/e2e/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["better-sqlite3", "@prisma/client"].map((name) => ({ name, message: "e2e tests go through the app's routes or the forge (tests/e2e/helpers/world.ts)" })),
          patterns: [{ group: ["@/lib/db/*", "**/lib/db/*"], message: "e2e tests go through the app's routes or the forge (tests/e2e/helpers/world.ts)" }],
        },
      ],
    },
  },
];

export default config;

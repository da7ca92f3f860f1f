import nextJest from "next/jest.js";

// Three projects (docs/ARCHITECTURE.md): unit (pure logic), integration (real
// forge + SQLite file), e2e (Chromium through real sign-in against `next start`).
const createJestConfig = nextJest({ dir: "./" });

const shared = {
  testEnvironment: "node",
  // Jest 30's default 'soft' globals cleanup wraps a torn-down file's globals in
  // a setter that calls itself (jestjs/jest#16044): under --runInBand a late
  // write from an earlier file's stream overflowed the stack in a later unit
  // file. Each file still gets a fresh environment; only that wrapping is off.
  testEnvironmentOptions: { globalsCleanup: "off" },
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/helpers/server-only.ts",
    "^@/(.*)$": "<rootDir>/$1",
  },
  // ESM-only packages used on the server side must be transformed for Jest.
  transformIgnorePatterns: ["/node_modules/(?!(marked|@tiptap|diff)/)"],
};

const project = async (displayName, extra) => {
  const config = await createJestConfig({ ...shared, displayName, ...extra })();
  // next/jest replaces transformIgnorePatterns; keep ours first.
  config.transformIgnorePatterns = [...shared.transformIgnorePatterns, ...config.transformIgnorePatterns.filter((p) => !p.includes("node_modules"))];
  return config;
};

export default async function jestConfig() {
  return {
    projects: [
      await project("unit", {
        testMatch: ["<rootDir>/tests/unit/**/*.test.ts?(x)"],
        setupFilesAfterEnv: ["<rootDir>/tests/helpers/jest/timeout-unit.ts"],
      }),
      await project("integration", {
        testMatch: ["<rootDir>/tests/integration/**/*.test.ts?(x)"],
        globalSetup: "<rootDir>/tests/helpers/global-setup.ts",
        globalTeardown: "<rootDir>/tests/helpers/global-teardown.ts",
        setupFilesAfterEnv: ["<rootDir>/tests/helpers/jest/timeout-integration.ts", "<rootDir>/tests/helpers/jest/background.ts"],
      }),
      await project("e2e", {
        testMatch: ["<rootDir>/tests/e2e/**/*.test.ts?(x)"],
        globalSetup: "<rootDir>/tests/e2e/global-setup.ts",
        globalTeardown: "<rootDir>/tests/e2e/global-teardown.ts",
        setupFilesAfterEnv: ["<rootDir>/tests/helpers/jest/timeout-e2e.ts"],
      }),
    ],
  };
}
